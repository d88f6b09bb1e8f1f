//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use cloudplay_core::encode::parse_query;
use serde_json::Value;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn signing_vectors() -> Vec<Value> {
    let path = repo_root().join("tests/fixtures/signing.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

/// Decoded `(name, value)` pairs of a query string or form body.
pub fn pairs(encoded: &str) -> Vec<(String, String)> {
    parse_query(encoded, "q")
        .unwrap()
        .into_iter()
        .map(|(k, v)| (String::from_utf8(k.into_owned()).unwrap(), String::from_utf8(v.into_owned()).unwrap()))
        .collect()
}

/// Sorted pairs without the given names; booleans spelled the JSON way (Python sends `True`).
pub fn business_pairs(all: Vec<(String, String)>, common: fn(&str) -> bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = all
        .into_iter()
        .filter(|(k, _)| !common(k))
        .map(|(k, v)| {
            let v = match v.as_str() {
                "True" => "true".to_string(),
                "False" => "false".to_string(),
                _ => v,
            };
            (k, v)
        })
        .collect();
    out.sort();
    out
}

/// The common parameters of Tencent's parameter signatures.
pub fn tc_common(name: &str) -> bool {
    cloudplay_core::build::TENCENT_COMMON_PARAMS.contains(&name)
}

/// Alibaba's common RPC parameters, and the region an SDK adds.
pub fn acs_common(name: &str) -> bool {
    cloudplay_core::build::ALIBABA_COMMON_PARAMS.contains(&name) || name == "RegionId"
}

/// The directory with the tccli metadata layout, or a failure telling how to get it.
pub fn tccli_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("CLOUDPLAY_TCCLI_DIR") {
        let p = PathBuf::from(dir);
        assert!(p.is_dir(), "CLOUDPLAY_TCCLI_DIR={} is not a directory; run `cargo xtask test`", p.display());
        return p;
    }
    let fallback = repo_root().join("../shared/reference/tccli");
    assert!(
        fallback.is_dir(),
        "no tccli metadata: set CLOUDPLAY_TCCLI_DIR or run `cargo xtask test` (it fetches tccli==3.1.189.1 into .cache/tccli/)"
    );
    fallback
}

/// The real aliyun-openapi-meta directory, when present.
pub fn alibaba_meta_dir() -> Option<PathBuf> {
    if let Ok(dir) = std::env::var("CLOUDPLAY_ALIBABA_META_DIR") {
        return Some(PathBuf::from(dir));
    }
    let fallback = repo_root().join("../shared/reference/alibaba/aliyun-openapi-meta");
    fallback.is_dir().then_some(fallback)
}
