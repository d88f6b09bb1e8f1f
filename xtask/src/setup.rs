//! Installs what the build and tests need, idempotently: each step checks first.

use std::path::Path;
use std::process::Command;

use crate::cmd::{self, root};

pub const RUST_TARGETS: [&str; 2] = ["wasm32-unknown-unknown", "thumbv7em-none-eabihf"];

/// What both `play` and `test` need: rust targets, wasm-bindgen-cli, npm packages.
pub fn base() -> Result<(), String> {
    rust_targets()?;
    wasm_bindgen_cli()?;
    npm_packages()
}

pub fn rust_targets() -> Result<(), String> {
    let installed = cmd::output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    let missing: Vec<&str> =
        RUST_TARGETS.iter().copied().filter(|t| !installed.lines().any(|l| l.trim() == *t)).collect();
    if missing.is_empty() {
        return Ok(());
    }
    cmd::run(Command::new("rustup").args(["target", "add"]).args(&missing))
}

/// The wasm-bindgen version in Cargo.lock; the CLI must match it exactly (else "schema version").
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

pub fn wasm_bindgen_cli() -> Result<(), String> {
    let want = locked_wasm_bindgen_version()?;
    let have = cmd::output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(want.as_str()) {
        return Ok(());
    }
    eprintln!("installing wasm-bindgen-cli {want} (found: {})", if have.is_empty() { "none" } else { have.trim() });
    let locked = cmd::run(cmd::cargo().args(["install", "wasm-bindgen-cli", "--version", &want, "--locked"]));
    if locked.is_ok() {
        return Ok(());
    }
    // Some pinned lockfiles name crate versions a mirror does not serve; resolve afresh.
    cmd::run(cmd::cargo().args(["install", "wasm-bindgen-cli", "--version", &want]))
}

/// `npm ci` when node_modules does not match package-lock.json.
pub fn npm_packages() -> Result<(), String> {
    let root = root();
    let lock = std::fs::read(root.join("package-lock.json")).map_err(|e| format!("package-lock.json: {e}"))?;
    let stamp = root.join("node_modules/.cloudplay-lock");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    cmd::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&root))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))
}

/// Cloudflare's wrangler (bringing workerd) for the package's Workers test, into .cache/wrangler
/// from its own lock (tests/tools/wrangler): 200 MB that `play` does not need. Returns the
/// command's path.
pub fn wrangler() -> Result<std::path::PathBuf, String> {
    Ok(npm_tool("wrangler", &["wrangler"])?.join("wrangler"))
}

/// Deno and Bun for the package's runtime test, into .cache/runtimes from tests/tools/runtimes:
/// each brings its own binary (190 MB together). Returns the folder holding both commands.
pub fn runtimes() -> Result<std::path::PathBuf, String> {
    npm_tool("runtimes", &["deno", "bun"])
}

/// Installs the npm tool set `tests/tools/<name>` from its lock into `.cache/<name>`, unless the
/// lock it was installed from is the same and its commands are there. Returns its `.bin`.
fn npm_tool(name: &str, commands: &[&str]) -> Result<std::path::PathBuf, String> {
    let tool = root().join("tests/tools").join(name);
    let dir = root().join(".cache").join(name);
    let lock = std::fs::read(tool.join("package-lock.json")).map_err(|e| format!("tests/tools/{name}: {e}"))?;
    let stamp = dir.join("node_modules/.cloudplay-lock");
    let bin = dir.join("node_modules/.bin");
    if std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) && commands.iter().all(|c| bin.join(c).exists()) {
        return Ok(bin);
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for file in ["package.json", "package-lock.json"] {
        std::fs::copy(tool.join(file), dir.join(file)).map_err(|e| format!("{file}: {e}"))?;
    }
    cmd::run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir))?;
    std::fs::write(&stamp, lock).map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(bin)
}

/// Debian's Chromium and ChromeDriver for browser tests (Playwright cannot download its own here).
pub fn chromium() -> Result<(), String> {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    let sudo: &[&str] =
        if cmd::output(Command::new("id").arg("-u")).as_deref().map(str::trim) == Some("0") { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let mut all: Vec<&str> = sudo.to_vec();
        all.push("apt-get");
        all.extend_from_slice(args);
        let mut c = Command::new(all[0]);
        c.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        cmd::run(&mut c)
    };
    apt(&["update"])?;
    apt(&["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
}
