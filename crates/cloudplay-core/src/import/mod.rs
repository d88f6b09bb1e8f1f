//! Importers of vendor-published API metadata into [`ApiSpec`] values.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::spec::ApiSpec;

pub mod alibaba;
pub mod tccli;
mod text;

/// What an import produced: the specs, and the actions left out with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Imported {
    pub specs: Vec<ApiSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct Skipped {
    pub action: String,
    pub reason: String,
    /// The reason in Chinese.
    #[serde(default)]
    pub reason_zh: String,
}

impl Skipped {
    pub(crate) fn new(action: impl Into<String>, why: Why) -> Self {
        Skipped { action: action.into(), reason: why.0, reason_zh: why.1 }
    }
}

/// Why an action is left out of an import: in English, and in Chinese.
pub(crate) type Why = (String, String);

pub(crate) fn why(en: impl Into<String>, zh: impl Into<String>) -> Why {
    (en.into(), zh.into())
}

/// A spec made from metadata that breaks the spec rules.
pub(crate) fn spec_flaw(e: Error) -> Why {
    let zh = alloc::format!("生成的接口规格不合规则：{}", e.message_zh.as_deref().unwrap_or(&e.message));
    (alloc::string::ToString::to_string(&e), zh)
}

/// What adding an import to a catalog did: the ids added (or replaced) and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ImportReport {
    pub added: Vec<String>,
    /// Always there, empty when nothing was left out.
    pub skipped: Vec<Skipped>,
    /// Added all the same: an example that breaks its own spec (`action` is the API's id).
    /// A vendor's examples do at times (1.3% of tccli's), so it is said, not refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(optional))]
    pub warnings: Vec<Skipped>,
}

/// A metadata file's JSON; an error names `what` in its message and is at `path` (the JS
/// argument the text came in: `apiJson`, `examplesJson`, `bundle`). Text that is a file's name
/// rather than its contents is said to be one (`importTccli("cvm/api.json")` is the likely slip
/// in a script).
fn parse_json(text: &str, what: &str, path: &str) -> Result<serde_json::Value> {
    serde_json::from_str(text).map_err(|e| {
        let name = text.trim();
        let path_like = name.len() < 4096 && name.ends_with(".json") && !name.contains(['{', '[', '\n']);
        let hint = if path_like { "; this is a file's name: give its contents (its text or bytes)" } else { "" };
        let hint_zh = if path_like { "；这是文件名：请给出文件内容（文本或字节）" } else { "" };
        Error::at(ErrorKind::InvalidJson, path, alloc::format!("{what}: {e}{hint}")).zh(alloc::format!(
            "{what} 不是有效的 JSON（第 {} 行第 {} 列）{hint_zh}。",
            e.line(),
            e.column()
        ))
    })
}

fn invalid(path: &str, msg: &str) -> Error {
    Error::at(ErrorKind::InvalidSpec, path, String::from(msg))
}
