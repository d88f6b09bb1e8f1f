//! The playground and the `<cloudplay-try>` widget in real headless Chromium: Debian's
//! `chromium` driven by `playwright-core` from package-lock.json (never a downloaded browser).
//! The tests start `target/debug/cloudplay serve` themselves and write screenshots to
//! `tests/out/`. `cargo xtask browser-bench` measures time to ready and preview per keystroke.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cmd::{self, root};
use crate::{pkg, setup};

/// The `*.test.mjs` files of `tests/browser`, sorted.
fn test_files() -> Result<Vec<PathBuf>, String> {
    let dir = root().join("tests/browser");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    Ok(files)
}

/// CJK fonts, so Chinese reads in the screenshots (best effort: the tests do not need them).
fn cjk_fonts() {
    if Path::new("/usr/share/fonts/opentype/noto").exists() {
        return;
    }
    let mut c = Command::new("apt-get");
    c.args(["install", "-y", "--no-install-recommends", "fonts-noto-cjk"]).env("DEBIAN_FRONTEND", "noninteractive");
    if let Err(e) = cmd::run(&mut c) {
        eprintln!("  (no CJK fonts: {e}; Chinese shows as boxes in screenshots)");
    }
}

/// Runs after the package is built (`pkg/web`): builds the server, runs the browser tests.
pub fn run() -> Result<(), String> {
    setup::chromium()?;
    cjk_fonts();
    cmd::run(cmd::cargo().args(["build", "-p", "cloudplay-server"]))?;
    let root = root();
    cmd::run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
            .args(test_files()?)
            .current_dir(&root)
            .env("CLOUDPLAY_BIN", root.join("target/debug/cloudplay"))
            .env("CLOUDPLAY_PKG", root.join("pkg")),
    )
}

/// `cargo xtask browser-bench`: time to ready and preview update per keystroke, in Chromium,
/// against the release server and the size-optimised package.
pub fn bench() -> Result<(), String> {
    setup::base()?;
    setup::chromium()?;
    pkg::build()?;
    cmd::run(cmd::cargo().args(["build", "--release", "-p", "cloudplay-server"]))?;
    let root = root();
    cmd::run(
        Command::new("node")
            .arg(root.join("tests/browser/bench.mjs"))
            .current_dir(&root)
            .env("CLOUDPLAY_BIN", root.join("target/release/cloudplay"))
            .env("CLOUDPLAY_PKG", root.join("pkg")),
    )
}
