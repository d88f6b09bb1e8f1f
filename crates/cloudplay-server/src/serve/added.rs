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
    let text = |key: &str| value.get(key).is_some_and(serde_json::Value::is_string);
    match value {
        serde_json::Value::Array(_) => Some(Kind::Specs),
        serde_json::Value::Object(_) if has("actions") && (has("objects") || has("metadata")) => Some(Kind::Tccli),
        // Only product, version and actions are required of a bundle.
        serde_json::Value::Object(_) if has("actions") && text("product") && text("version") => Some(Kind::Alibaba),
        serde_json::Value::Object(_) if has("style") || has("action") => Some(Kind::Specs),
        _ => None,
    }
}

/// Reads each file into `catalog` (the built-in one, so that a built-in API keeps its curated
/// spec as in the package), and returns the specs added with a line per file for the log.
pub fn load(catalog: &mut Catalog, files: &[impl AsRef<Path>]) -> Result<(Vec<Arc<ApiSpec>>, Vec<String>), String> {
    let mut added = Vec::new();
    let mut lines = Vec::new();
    let mut all = Vec::new();
    for given in files {
        let given = given.as_ref();
        if given.is_dir() {
            // tccli's services folder, or one service's: every api.json under it.
            let found = api_jsons(given);
            if found.is_empty() {
                return Err(format!("--specs {}: a folder with no api.json under it (tccli's services folder has <service>/v<date>/api.json)", given.display()));
            }
            all.extend(found);
        } else {
            all.push(given.to_path_buf());
        }
    }
    let many = all.len() > 3;
    let (mut apis, mut files_read) = (0, 0);
    for file in &all {
        let file = file.as_path();
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
        files_read += 1;
        apis += report.added.len();
        // From a folder, a line only for a file with something to say beyond its count.
        if !many || !report.warnings.is_empty() || !report.skipped.is_empty() {
            lines.push(summary(file, &report));
        }
        added.extend(report.added.iter().filter_map(|id| catalog.shared(id).cloned()));
    }
    if many {
        lines.push(format!("cloudplay serve: {apis} APIs added from {files_read} files"));
    }
    Ok((added, lines))
}

/// The `api.json` files under `dir`, at most three folders down, in a stable order.
fn api_jsons(dir: &Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() && depth < 3 {
                walk(&path, depth + 1, out);
            } else if path.is_file() && path.file_name().is_some_and(|n| n == "api.json") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, 0, &mut out);
    // A folder linked twice under the root would add its files twice.
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    out
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
    // Each warning and each API left out on a line of its own, so that a spec's author sees
    // every one to mend; a folder of a vendor's metadata can have hundreds, hence the bound.
    const LISTED: usize = 10;
    let mut listed = |what: &str, items: &mut dyn ExactSizeIterator<Item = (&str, &str)>| {
        let n = items.len();
        if n == 0 {
            return;
        }
        line.push_str(&format!("; {what}: {n}"));
        for (action, reason) in items.take(LISTED) {
            line.push_str(&format!("\n  {action}: {}", reason.trim_end_matches('.')));
        }
        if n > LISTED {
            line.push_str(&format!("\n  … and {} more", n - LISTED));
        }
    };
    listed(
        "added, but with examples that break their spec",
        &mut report.warnings.iter().map(|w| (w.action.as_str(), w.reason.as_str())),
    );
    listed("left out", &mut report.skipped.iter().map(|w| (w.action.as_str(), w.reason.as_str())));
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
        let _ = std::fs::remove_dir_all(file.parent().unwrap());
        // An example that breaks its spec is added, and said in the log.
        let odd = temp("odd.json", &PING.replace(r#""params":[{"#, r#""examples":[{"params":{}}],"params":[{"#));
        let (_, lines) = load(&mut catalog, &[&odd]).unwrap();
        assert!(
            lines[0].contains("; added, but with examples that break their spec: 1\n  demo/2024-01-01/Ping: example 0 breaks the spec: Message"),
            "{}",
            lines[0]
        );
        // Each is listed: two examples that break the spec, two lines.
        let two = temp(
            "two.json",
            &PING.replace(r#""params":[{"#, r#""examples":[{"params":{}},{"params":{"Message":5}}],"params":[{"#),
        );
        let (_, lines) = load(&mut catalog, &[&two]).unwrap();
        let listed: Vec<&str> = lines[0].lines().skip(1).collect();
        assert_eq!(listed.len(), 2, "{}", lines[0]);
        assert!(listed[0].contains("example 0 breaks") && listed[1].contains("example 1 breaks"), "{}", lines[0]);
        let _ = std::fs::remove_dir_all(two.parent().unwrap());
        let _ = std::fs::remove_dir_all(odd.parent().unwrap());
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
        for file in [other, bad] {
            let _ = std::fs::remove_dir_all(file.parent().unwrap());
        }
    }

    #[test]
    fn a_folder_adds_every_api_json_under_it() {
        let root = std::env::temp_dir().join(format!("cloudplay-added-{}-services", std::process::id()));
        let api = |action: &str| {
            format!(
                r#"{{"metadata":{{"apiVersion":"2024-01-01","serviceNameCN":"演示","serviceShortName":"demo"}},
                "actions":{{"{action}":{{"name":"{action}","document":"d","input":"{action}Request","output":"{action}Response","status":"online"}}}},
                "objects":{{"{action}Request":{{"members":[],"type":"object"}},"{action}Response":{{"members":[],"type":"object"}}}}}}"#
            )
        };
        for (service, action) in [("demoa", "Ping"), ("demob", "Pong")] {
            let dir = root.join(service).join("v20240101");
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("api.json"), api(action).replace("demo\"", &format!("{service}\""))).unwrap();
        }
        let mut catalog = Catalog::builtin().unwrap();
        let (added, lines) = load(&mut catalog, &[&root]).unwrap();
        let mut ids: Vec<String> = added.iter().map(|s| s.id()).collect();
        ids.sort();
        assert_eq!(ids, ["demoa/2024-01-01/Ping", "demob/2024-01-01/Pong"], "{lines:?}");
        // A folder named api.json is no file to read, and a folder linked twice adds its files once.
        std::fs::create_dir_all(root.join("odd").join("api.json")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("demoa"), root.join("demoa-again")).unwrap();
        let mut catalog = Catalog::builtin().unwrap();
        let (again, _) = load(&mut catalog, &[&root]).unwrap();
        assert_eq!(again.len(), 2);
        let empty = root.join("demoa").join("v20240101").join("nothing");
        std::fs::create_dir_all(&empty).unwrap();
        assert!(load(&mut catalog, &[&empty]).unwrap_err().contains("no api.json under it"));
        let _ = std::fs::remove_dir_all(root);
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
        assert_eq!(
            kind_of(&json(r#"{"product":"ecs","version":"2014-05-26","actions":{"metadatas":[]}}"#)),
            Some(Kind::Alibaba)
        );
        assert_eq!(kind_of(&json(r#"{"actions":{},"metadata":{}}"#)), Some(Kind::Tccli));
        assert_eq!(kind_of(&json("5")), None);
    }
}
