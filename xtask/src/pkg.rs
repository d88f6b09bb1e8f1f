//! Builds the npm package as `wasm-pack.toml` says: for each variant, cargo → wasm-bindgen per
//! target → wasm-opt (npm binaryen); then package.json and README.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::cmd::{self, root};

#[derive(Deserialize)]
struct Config {
    package: PackageCfg,
    targets: BTreeMap<String, String>,
    #[serde(rename = "wasm-opt")]
    wasm_opt: WasmOpt,
    variant: Vec<Variant>,
}

#[derive(Deserialize)]
struct PackageCfg {
    name: String,
    #[serde(rename = "crate")]
    crate_dir: String,
    #[serde(rename = "out-dir")]
    out_dir: String,
    profile: String,
}

#[derive(Deserialize)]
struct WasmOpt {
    enabled: bool,
    args: Vec<String>,
}

/// One cargo build of the crate, bound for every target under `out-dir/<prefix>`.
#[derive(Deserialize)]
struct Variant {
    name: String,
    #[serde(default)]
    prefix: String,
    #[serde(default, rename = "no-default-features")]
    no_default_features: bool,
    /// The cargo profile, when not the package's.
    profile: Option<String>,
}

fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

pub fn workspace_version() -> Result<String, String> {
    let doc: toml::Value = read_toml(&root().join("Cargo.toml"))?;
    doc.get("workspace")
        .and_then(|w| w.get("package"))
        .and_then(|p| p.get("version"))
        .and_then(|v| v.as_str())
        .map(String::from)
        .ok_or_else(|| "Cargo.toml: no [workspace.package] version".into())
}

pub fn build() -> Result<(), String> {
    let root = root();
    let cfg: Config = read_toml(&root.join("wasm-pack.toml"))?;
    let crate_manifest: toml::Value = read_toml(&root.join(&cfg.package.crate_dir).join("Cargo.toml"))?;
    let crate_name = crate_manifest
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .ok_or("the package crate has no name")?
        .to_string();
    let artifact = |profile: &str| {
        let profile_dir = if profile == "dev" { "debug" } else { profile };
        root.join("target/wasm32-unknown-unknown")
            .join(profile_dir)
            .join(format!("{}.wasm", crate_name.replace('-', "_")))
    };

    let out = root.join(&cfg.package.out_dir);
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let mut wasm = Vec::new();
    for variant in &cfg.variant {
        let profile = variant.profile.as_deref().unwrap_or(&cfg.package.profile);
        let mut build = cmd::cargo();
        build.args(["build", "-p", &crate_name, "--target", "wasm32-unknown-unknown", "--profile", profile]);
        if variant.no_default_features {
            build.arg("--no-default-features");
        }
        build.env("CARGO_ENCODED_RUSTFLAGS", path_remaps(&root));
        cmd::run(&mut build)?;
        let module = bind_targets(&cfg, &artifact(profile), &out.join(&variant.prefix))?;
        // Beside each `web` glue: the entries of the `workerd` / `edge-light` and `bun` conditions.
        if let Some(web) = cfg.targets.get("web") {
            for file in ["workerd.js", "bun.js"] {
                let entry = root.join(&cfg.package.crate_dir).join("npm").join(file);
                let to = out.join(&variant.prefix).join(web).join(file);
                std::fs::copy(&entry, &to).map_err(|e| format!("{}: {e}", entry.display()))?;
            }
        }
        wasm.push((variant.name.clone(), module));
    }

    let npm = root.join(&cfg.package.crate_dir).join("npm");
    // Edited as text: key order in package.json matters (export conditions match first-to-last).
    let template = std::fs::read_to_string(npm.join("package.json")).map_err(|e| e.to_string())?;
    let manifest = template
        .replacen("\"name\": \"cloudplay\"", &format!("\"name\": {:?}", cfg.package.name), 1)
        .replacen("\"version\": \"0.0.0\"", &format!("\"version\": {:?}", workspace_version()?), 1);
    serde_json::from_str::<serde_json::Value>(&manifest).map_err(|e| format!("npm/package.json: {e}"))?;
    write(&out.join("package.json"), manifest.as_bytes())?;
    // The README pins CDN addresses to the release it ships with.
    let readme = std::fs::read_to_string(npm.join("README.md")).map_err(|e| format!("README.md: {e}"))?;
    write(
        &out.join("README.md"),
        readme.replace("cloudplay@0.0.0", &format!("cloudplay@{}", workspace_version()?)).as_bytes(),
    )?;
    std::fs::copy(npm.join("CHANGELOG.md"), out.join("CHANGELOG.md")).map_err(|e| format!("CHANGELOG.md: {e}"))?;
    widget(&root.join("www"), &npm.join("widget"), &out.join("widget"))?;
    check_manifest_paths(&out, &manifest)?;
    for (name, f) in &wasm {
        let size = std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
        eprintln!("  {name}: {} {size} bytes", f.strip_prefix(&root).unwrap_or(f).display());
    }
    Ok(())
}

/// wasm-bindgen for every target into `out/<target dir>`, then wasm-opt once (wasm-bindgen
/// writes the same module for every target). Returns the first target's optimised module.
/// Panic locations name source files; without remapping, the published module would carry
/// the builder's home directory and checkout path (and a few hundred bytes more of gzip).
fn path_remaps(root: &Path) -> String {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut prefixes: Vec<PathBuf> = vec![root.to_path_buf()];
    // Each registry's sources: `<CARGO_HOME>/registry/src/<registry>-<hash>/<crate>-<version>`.
    if let Some(Ok(dirs)) = cargo_home.map(|h| std::fs::read_dir(h.join("registry/src"))) {
        prefixes.extend(dirs.flatten().map(|d| d.path()));
    }
    prefixes.iter().map(|p| format!("--remap-path-prefix={}/=", p.display())).collect::<Vec<_>>().join("\u{1f}")
}

fn bind_targets(cfg: &Config, artifact: &Path, out: &Path) -> Result<PathBuf, String> {
    let mut optimised: Option<(Vec<u8>, Vec<u8>)> = None;
    let mut first = None;
    for (target, sub) in &cfg.targets {
        let dir = out.join(sub);
        cmd::run(
            Command::new("wasm-bindgen")
                .args(["--target", target, "--out-name", &cfg.package.name, "--out-dir"])
                .arg(&dir)
                .arg(artifact),
        )?;
        mark_optional_params(&dir.join(format!("{}.d.ts", cfg.package.name)))?;
        name_declarations(&dir, &cfg.package.name)?;
        if target == "web" {
            guard_before_init(&dir.join(format!("{}.js", cfg.package.name)))?;
        }
        let file = dir.join(format!("{}_bg.wasm", cfg.package.name));
        if cfg.wasm_opt.enabled {
            let raw = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            match &optimised {
                Some((before, after)) if *before == raw => write(&file, after)?,
                _ => {
                    let wasm_opt = root().join("node_modules/.bin/wasm-opt");
                    cmd::run(Command::new(&wasm_opt).args(&cfg.wasm_opt.args).arg(&file).arg("-o").arg(&file))?;
                    let after = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
                    optimised = Some((raw, after));
                }
            }
        }
        first.get_or_insert(file);
    }
    share_module(cfg, out)?;
    first.ok_or_else(|| "wasm-pack.toml lists no targets".into())
}

/// The `web` glue before `init()` has run would throw "Cannot read properties of undefined"
/// from deep inside itself. Until then its module handle is a stand-in that throws a
/// `CloudplayError` saying what to do; the glue's "already started?" checks look at the
/// instance instead. Each edit must match as often as expected, so that a wasm-bindgen whose
/// glue reads differently fails the build here rather than shipping the raw TypeError.
fn guard_before_init(glue: &Path) -> Result<(), String> {
    let mut text = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    // `isCloudplayError` answers before init too: it only looks at its argument, with the
    // bridge's own test (the glue imports the bridge module whole under a name of its own).
    let bridge = text
        .lines()
        .find_map(|l| l.strip_prefix("import * as ").filter(|rest| rest.contains("/js/bridge.js")))
        .and_then(|rest| rest.split_whitespace().next())
        .ok_or_else(|| format!("{}: no `import * as … from …/js/bridge.js` to test errors with", glue.display()))?
        .to_string();
    // The name is defined, not assigned: with Error.prototype frozen (SES's lockdown)
    // `error.name = …` throws (as send.js's cloudplayError knows).
    let stand_in = format!(
        r#"let wasmModule, wasmInstance, wasm = new Proxy({{}}, {{
    get(_, name) {{
        if (name === "isCloudplayError") return (value) => ({bridge}.hasErrorShape(value) ? 1 : 0);
        const error = new Error("NotInitialized: call `await init()` (this module's default export) or `initSync({{ module }})` before any other function");
        Object.defineProperty(error, "name", {{ value: "CloudplayError", writable: true, configurable: true }});
        error.code = "NotInitialized";
        throw error;
    }},
}});"#
    );
    let edits = [
        ("let wasmModule, wasmInstance, wasm;", stand_in.as_str(), 1),
        ("if (wasm !== undefined) return wasm;", "if (wasmInstance !== undefined) return wasm;", 2),
    ];
    for (from, to, times) in edits {
        let found = text.matches(from).count();
        if found != times {
            return Err(format!("{}: expected `{from}` {times} time(s), found {found}", glue.display()));
        }
        text = text.replace(from, to);
    }
    write(glue, text.as_bytes())
}

/// A target folder's own package.json (the node target writes one for `"type": "module"`) is
/// where TypeScript's node10 resolution stops for `cloudplay/node`: it names the declarations.
fn name_declarations(dir: &Path, name: &str) -> Result<(), String> {
    let file = dir.join("package.json");
    let Ok(text) = std::fs::read_to_string(&file) else { return Ok(()) };
    let mut manifest: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    if let Some(fields) = manifest.as_object_mut() {
        fields.entry("types").or_insert_with(|| format!("{name}.d.ts").into());
    }
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    write(&file, text.as_bytes())
}

/// Every target gets the same module, byte for byte. The node target, whose glue fetches it
/// by URL, loads the copy of one whose glue imports it (bundler: the bundler resolves the
/// module's own imports beside it, so that copy cannot move). The web target keeps its own:
/// `web/` is the folder people copy, alone, to a static host. Two copies instead of three make
/// the installed package 0.8 MB smaller.
fn share_module(cfg: &Config, out: &Path) -> Result<(), String> {
    let module = format!("{}_bg.wasm", cfg.package.name);
    let by_url = format!("new URL('{module}', import.meta.url)");
    let glue = |sub: &str| out.join(sub).join(format!("{}.js", cfg.package.name));
    let mut fetching = Vec::new();
    let mut home = None;
    for (target, sub) in &cfg.targets {
        if target == "web" {
            continue;
        }
        let text = std::fs::read_to_string(glue(sub)).map_err(|e| format!("{}: {e}", glue(sub).display()))?;
        if text.matches(&by_url).count() == 1 {
            fetching.push((sub, text));
        } else {
            home.get_or_insert(sub);
        }
    }
    let Some(home) = home else { return Ok(()) };
    let kept = std::fs::read(out.join(home).join(&module)).map_err(|e| format!("{home}/{module}: {e}"))?;
    for (sub, text) in fetching {
        let copy = out.join(sub).join(&module);
        if std::fs::read(&copy).map_err(|e| format!("{}: {e}", copy.display()))? != kept {
            continue;
        }
        write(
            &glue(sub),
            text.replace(&by_url, &format!("new URL('../{home}/{module}', import.meta.url)")).as_bytes(),
        )?;
        std::fs::remove_file(&copy).map_err(|e| format!("{}: {e}", copy.display()))?;
        let types = out.join(sub).join(format!("{module}.d.ts"));
        if types.exists() {
            std::fs::remove_file(&types).map_err(|e| format!("{}: {e}", types.display()))?;
        }
    }
    Ok(())
}

/// Every file package.json points at (`main`, `module`, `types`, every `exports` and
/// `typesVersions` target) is in the package: a missing one installs and type-checks as an
/// untyped module, then fails at run time.
fn check_manifest_paths(out: &Path, manifest: &str) -> Result<(), String> {
    fn targets<'v>(v: &'v serde_json::Value, found: &mut Vec<&'v str>) {
        match v {
            serde_json::Value::String(s) if s.starts_with("./") => found.push(s),
            serde_json::Value::Array(items) => items.iter().for_each(|i| targets(i, found)),
            serde_json::Value::Object(members) => members.values().for_each(|m| targets(m, found)),
            _ => {}
        }
    }
    let value: serde_json::Value = serde_json::from_str(manifest).map_err(|e| e.to_string())?;
    let mut found = Vec::new();
    for key in ["main", "module", "types", "exports", "typesVersions"] {
        if let Some(v) = value.get(key) {
            targets(v, &mut found);
        }
    }
    let missing: Vec<&str> =
        found.into_iter().filter(|p| !p.ends_with('/') && !p.contains('*') && !out.join(p).is_file()).collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("package.json points at files the package does not have: {}", missing.join(", ")))
    }
}

/// `cloudplay/widget`: the playground's `<cloudplay-try>` with the page modules it imports, and
/// nothing else of the page. Laid out as in `www/` but one folder down (`widget/js/`), so the
/// widget's own imports say `./js/` instead of `../js/`; `site.js`, which says where the engine
/// is, is the package's own (`npm/widget/`), as is the element's `.d.ts`.
fn widget(www: &Path, npm: &Path, out: &Path) -> Result<(), String> {
    const ELEMENT: &str = "cloudplay-try";
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    std::fs::create_dir_all(out.join("js")).map_err(|e| format!("{}: {e}", out.display()))?;
    // The element's own modules (its stylesheet, its strings, the body it imports when a box
    // first shows) from beside it, each with its page imports one folder nearer.
    let mut own = vec![format!("{ELEMENT}.js")];
    let mut pending = Vec::new();
    let mut copied = std::collections::BTreeSet::new();
    while let Some(file) = own.pop() {
        if !copied.insert(file.clone()) {
            continue;
        }
        let rewritten = read(&www.join("widget").join(&file))?.replace("from \"../js/", "from \"./js/");
        for module in imports(&rewritten).chain(dynamic_imports(&rewritten)) {
            match module.strip_prefix("./js/") {
                Some(page_module) => pending.push(page_module.to_string()),
                None => {
                    let beside = module.trim_start_matches("./");
                    if beside.contains('/') {
                        return Err(format!("widget: an import the package cannot lay out: {module}"));
                    }
                    own.push(beside.to_string());
                }
            }
        }
        write(&out.join(&file), rewritten.as_bytes())?;
    }
    for types in [format!("{ELEMENT}.d.ts"), "react.d.ts".to_string()] {
        write(&out.join(&types), read(&npm.join(&types))?.as_bytes())?;
    }
    let mut done = std::collections::BTreeSet::new();
    while let Some(module) = pending.pop() {
        if module.contains('/') {
            return Err(format!("widget: an import the package cannot lay out: {module}"));
        }
        if !done.insert(module.clone()) {
            continue;
        }
        let from = if module == "site.js" { npm.join(&module) } else { www.join("js").join(&module) };
        let text = read(&from)?;
        pending.extend(imports(&text).map(|m| m.trim_start_matches("./").to_string()));
        write(&out.join("js").join(&module), text.as_bytes())?;
    }
    Ok(())
}

/// The modules a file imports statically (`from "./x.js"`, `import "./x.js"`); the engine is
/// imported dynamically, by site.js, and is not one of them. (The code is formatted with double
/// quotes throughout.)
fn imports(text: &str) -> impl Iterator<Item = &str> {
    ["from \"", "import \""]
        .into_iter()
        .flat_map(move |opening| text.split(opening).skip(1))
        .filter_map(|rest| rest.split('"').next())
        .filter(|m| m.starts_with('.'))
}

/// The modules a file imports when it runs (`import("./x.js")`): the widget's body. Only the
/// widget's own files are read for these; the engine's import, in site.js, is not laid out.
fn dynamic_imports(text: &str) -> impl Iterator<Item = &str> {
    text.split("import(\"").skip(1).filter_map(|rest| rest.split('"').next()).filter(|m| m.starts_with("./"))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// `name: ?T` → `name?: T` in a generated `.d.ts` (see cloudplay-wasm's lib.rs: wasm-bindgen
/// drops the `?` of an `Option` parameter whose type is given by hand); then every optional
/// member also takes `undefined` (see [`optional_takes_undefined`]).
fn mark_optional_params(dts: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dts).map_err(|e| format!("{}: {e}", dts.display()))?;
    write(dts, optional_takes_undefined(&text.replace(": ?", "?: ")).as_bytes())
}

/// `name?: T` → `name?: T | undefined`: every function reads a member set to `undefined` as
/// one left out, as JSON does, and under `exactOptionalPropertyTypes` TypeScript would refuse
/// `{ token: process.env.TOKEN }` without it. Comments and string literals are passed over; a
/// type runs to the first `;`, `,`, `)`, `}` or line end outside brackets and strings.
fn optional_takes_undefined(dts: &str) -> String {
    let b = dts.as_bytes();
    let mut out = String::with_capacity(dts.len() + dts.len() / 16);
    let (mut i, mut copied) = (0, 0);
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'*') => i = dts[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2),
            b'/' if b.get(i + 1) == Some(&b'/') => i = dts[i..].find('\n').map_or(b.len(), |e| i + e),
            b'"' | b'\'' | b'`' => i = string_end(b, i),
            b'?' if b[i..].starts_with(b"?: ") => {
                let start = i + 3;
                let end = type_end(b, start);
                out.push_str(&dts[copied..start]);
                let given = &dts[start..end];
                // A member of an object type inside this one (`options?: O & { signal?: S }`).
                let whole = optional_takes_undefined(given);
                let ty = whole.trim_end();
                // Judged on the type as given: what the recursion added is a member's, not this one's.
                if given.split(['|', ' ']).any(|t| t == "undefined") {
                    out.push_str(ty);
                } else if ty.contains("=>") {
                    // `() => void | undefined` would be a function that may return undefined.
                    out.push_str(&format!("({ty}) | undefined"));
                } else {
                    out.push_str(ty);
                    out.push_str(" | undefined");
                }
                out.push_str(&whole[ty.len()..]);
                (i, copied) = (end, end);
            }
            _ => i += 1,
        }
    }
    out.push_str(&dts[copied..]);
    out
}

/// Where a type that starts at `start` ends (an arrow's `=>` opens no bracket).
fn type_end(b: &[u8], start: usize) -> usize {
    let mut depth = 0i32;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b'`' => {
                i = string_end(b, i);
                continue;
            }
            b'(' | b'[' | b'{' | b'<' => depth += 1,
            b'>' if b[i - 1] == b'=' => {}
            b')' | b']' | b'}' | b';' | b',' | b'\n' if depth == 0 => return i,
            b')' | b']' | b'}' | b'>' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Just past the string literal that opens at `i`.
fn string_end(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            q if q == b[i] => return j + 1,
            _ => j += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::optional_takes_undefined;

    #[test]
    fn optional_members_and_parameters_take_undefined() {
        let dts = "export interface A {\n    token?: string;\n    headers?: Record<string, string> | [string, string][];\n    f?: (x: number) => void;\n    kept?: string | undefined;\n    required: string;\n}\nexport type B = { ok: false; algorithm?: Algorithm; code: string };\nexport function p(call: Call, options?: PrepareOptions | null): Prepared;\nexport function s(options?: O & { signal?: S }): void;\n/** as `token?: string` */\nexport interface C { ct?: \"text/plain; charset=utf-8\"; // a?: b\n}\n";
        assert_eq!(
            optional_takes_undefined(dts),
            "export interface A {\n    token?: string | undefined;\n    headers?: Record<string, string> | [string, string][] | undefined;\n    f?: ((x: number) => void) | undefined;\n    kept?: string | undefined;\n    required: string;\n}\nexport type B = { ok: false; algorithm?: Algorithm | undefined; code: string };\nexport function p(call: Call, options?: PrepareOptions | null | undefined): Prepared;\nexport function s(options?: O & { signal?: S | undefined } | undefined): void;\n/** as `token?: string` */\nexport interface C { ct?: \"text/plain; charset=utf-8\" | undefined; // a?: b\n}\n"
        );
    }
}
