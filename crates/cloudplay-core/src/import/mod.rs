//! Importers of vendor-published API metadata into [`ApiSpec`] values.

use alloc::string::String;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::spec::ApiSpec;

pub mod alibaba;
pub mod tccli;

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
}

/// What adding an import to a catalog did: the ids added (or replaced) and what was left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ImportReport {
    pub added: Vec<String>,
    /// Always there, empty when nothing was left out.
    pub skipped: Vec<Skipped>,
}
