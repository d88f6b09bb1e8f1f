//! `--specs FILE`: APIs the simulator answers beside the built-in ones, from the same data the
//! npm package's `addSpecs`, `importTccli` and `importAlibabaMeta` take. An explorer that
//! imported an API can then point an SDK at `cloudplay serve` and have that API answered.

use std::path::Path;
use std::sync::Arc;

use cloudplay_core::{ApiSpec, Catalog, ImportReport};

/// What a `--specs` file holds, told by its top-level shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An API spec as `describe` gives it, or a list of them.
    Specs,
    /// A tccli `api.json` (its `examples.json` is read from beside it when there is one).
    Tccli,
    /// An Alibaba metadata bundle `{product, version, products, index, actions}`.
    Alibaba,
}

fn kind_of(value: &serde_json::Value) -> Option<Kind> {
    let has = |key: &str| value.get(key).is_some();
    match value {
        serde_json::Value::Array(_) => Some(Kind::Specs),
        serde_json::Value::Object(_) if has("actions") && has("objects") => Some(Kind::Tccli),
        serde_json::Value::Object(_) if has("actions") && (has("products") || has("index")) => Some(Kind::Alibaba),
        serde_json::Value::Object(_) if has("style") || has("action") => Some(Kind::Specs),
        _ => None,
    }
}

/// Reads each file into `catalog` (the built-in one, so that a built-in API keeps its curated
/// spec as in the package), and returns the specs added with a line per file for the log.
pub fn load(catalog: &mut Catalog, files: &[impl AsRef<Path>]) -> Result<(Vec<Arc<ApiSpec>>, Vec<String>), String> {
    let mut added = Vec::new();
    let mut lines = Vec::new();
    for file in files {
        let file = file.as_ref();
        let at = |why: &dyn std::fmt::Display| format!("--specs {}: {why}", file.display());
        let text = std::fs::read_to_string(file).map_err(|e| at(&e))?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| at(&format!("not JSON: {e}")))?;
        let kind = kind_of(&value).ok_or_else(|| {
            at(&"is none of what --specs takes: API specs as `describe` gives them (one or a list), a tccli api.json, or an Alibaba metadata bundle as `importAlibabaMeta` takes it")
        })?;
        let report = match kind {
            Kind::Specs => catalog.add_specs(&text),
            Kind::Tccli => {
                let examples = file.with_file_name("examples.json");
                let examples =
                    examples.is_file().then(|| std::fs::read_to_string(&examples)).transpose().map_err(|e| at(&e))?;
                catalog.import_tccli(&text, examples.as_deref())
            }
            Kind::Alibaba => catalog.import_alibaba_meta(&text),
        }
        .map_err(|e| at(&e))?;
        lines.push(summary(file, &report));
        added.extend(report.added.iter().filter_map(|id| catalog.shared(id).cloned()));
    }
    Ok((added, lines))
}

/// "3 APIs added from FILE (hai/2023-08-12/RunInstances, …); 1 left out: Action (reason)".
fn summary(file: &Path, report: &ImportReport) -> String {
    const SHOWN: usize = 5;
    let mut ids: Vec<&str> = report.added.iter().map(String::as_str).take(SHOWN).collect();
    if report.added.len() > SHOWN {
        ids.push("…");
    }
    let mut line = format!(
        "cloudplay serve: {} API{} added from {}{}",
        report.added.len(),
        if report.added.len() == 1 { "" } else { "s" },
        file.display(),
        if ids.is_empty() { String::new() } else { format!(" ({})", ids.join(", ")) }
    );
    if let Some(first) = report.skipped.first() {
        let more = report.skipped.len() - 1;
        let more = if more > 0 { format!(" and {more} more") } else { String::new() };
        line.push_str(&format!("; left out: {} ({}){more}", first.action, first.reason));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("cloudplay-added-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    const PING: &str = r#"{"product":"demo","version":"2024-01-01","action":"Ping","style":"tencent-api3",
        "endpoints":{"default":"demo.tencentcloudapi.com","path":"/"},"methods":["POST"],
        "content_types":["application/json"],"algorithms":["TC3-HMAC-SHA256"],
        "params":[{"name":"Message","type":"string","required":true}]}"#;

    #[test]
    fn a_spec_file_adds_its_api_and_says_so() {
        let mut catalog = Catalog::builtin().unwrap();
        let file = temp("ping.json", PING);
        let (added, lines) = load(&mut catalog, &[&file]).unwrap();
        assert_eq!(added.iter().map(|s| s.id()).collect::<Vec<_>>(), ["demo/2024-01-01/Ping"]);
        assert!(
            lines[0].starts_with("cloudplay serve: 1 API added from ") && lines[0].ends_with("(demo/2024-01-01/Ping)"),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn a_file_of_another_shape_or_a_bad_spec_is_refused_with_its_name() {
        let mut catalog = Catalog::builtin().unwrap();
        let other = temp("other.json", r#"{"hello":"world"}"#);
        let e = load(&mut catalog, &[&other]).unwrap_err();
        assert!(e.starts_with("--specs ") && e.contains("other.json: is none of what --specs takes"), "{e}");
        let bad = temp("bad.json", &PING.replace("tencent-api3", "tencent-api9"));
        let e = load(&mut catalog, &[&bad]).unwrap_err();
        assert!(e.contains("bad.json") && e.contains("spec.style"), "{e}");
        let e = load(&mut catalog, &[temp("broken.json", "{")]).unwrap_err();
        assert!(e.contains("broken.json: not JSON"), "{e}");
        let e = load(&mut catalog, &[std::env::temp_dir().join("cloudplay-no-such-file.json")]).unwrap_err();
        assert!(e.contains("cloudplay-no-such-file.json"), "{e}");
    }

    #[test]
    fn the_shapes_are_told_apart() {
        let json = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
        assert_eq!(kind_of(&json(PING)), Some(Kind::Specs));
        assert_eq!(kind_of(&json(&format!("[{PING}]"))), Some(Kind::Specs));
        assert_eq!(kind_of(&json(r#"{"actions":{},"objects":{},"metadata":{}}"#)), Some(Kind::Tccli));
        assert_eq!(
            kind_of(&json(r#"{"product":"ecs","version":"2014-05-26","products":[],"index":{},"actions":{}}"#)),
            Some(Kind::Alibaba)
        );
        assert_eq!(kind_of(&json("5")), None);
    }
}
