//! The package as a user gets it: `npm pack`, install the tarball into a clean folder, and run
//! the Node tests there against `import … from "cloudplay"`.

use std::path::PathBuf;
use std::process::Command;

use crate::cmd::{self, root};

/// Packs `pkg/` and returns the tarball's path.
pub fn pack() -> Result<PathBuf, String> {
    let out = root().join(".cache/npm");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let listing = cmd::output(
        Command::new("npm").args(["pack", "--json", "--pack-destination"]).arg(&out).current_dir(root().join("pkg")),
    )
    .ok_or("npm pack failed")?;
    let info: serde_json::Value = serde_json::from_str(&listing).map_err(|e| format!("npm pack output: {e}"))?;
    let name = info[0]["filename"].as_str().ok_or("npm pack: no filename")?;
    let size = info[0]["size"].as_u64().unwrap_or(0);
    let files = info[0]["files"].as_array().map_or(0, Vec::len);
    eprintln!("  packed {name}: {size} bytes, {files} files");
    Ok(out.join(name))
}

/// Installs the tarball into a fresh folder and runs `tests/node/*.test.mjs` there.
pub fn run(env: &[(&'static str, String)]) -> Result<(), String> {
    let tarball = pack()?;
    let clean = root().join(".cache/npm-clean");
    if clean.exists() {
        std::fs::remove_dir_all(&clean).map_err(|e| e.to_string())?;
    }
    std::fs::create_dir_all(&clean).map_err(|e| e.to_string())?;
    std::fs::write(
        clean.join("package.json"),
        "{ \"name\": \"cloudplay-clean-install\", \"private\": true, \"type\": \"module\" }\n",
    )
    .map_err(|e| e.to_string())?;
    cmd::run(
        Command::new("npm")
            .args(["install", "--no-audit", "--no-fund", "--no-package-lock"])
            .arg(&tarball)
            .current_dir(&clean),
    )?;
    let tests = root().join("tests/node");
    for entry in std::fs::read_dir(&tests).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|x| x == "mjs") {
            std::fs::copy(&path, clean.join(path.file_name().unwrap_or_default())).map_err(|e| e.to_string())?;
        }
    }
    // The generated TypeScript declarations must type-check real usage under --strict, and
    // every entry point must resolve under each of TypeScript's module resolutions.
    for file in ["usage.ts", "entries.ts", "react.tsx"] {
        std::fs::copy(root().join("tests/types").join(file), clean.join(file)).map_err(|e| e.to_string())?;
    }
    let resolutions = [
        ("nodenext", "nodenext", "usage.ts"),
        ("esnext", "node10", "entries.ts"),
        ("nodenext", "nodenext", "entries.ts"),
        ("esnext", "bundler", "entries.ts"),
        // React's types come from the workspace's node_modules, above the clean folder.
        ("esnext", "bundler", "react.tsx"),
    ];
    for (module, resolution, file) in resolutions {
        cmd::run(
            Command::new(root().join("node_modules/.bin/tsc"))
                .args([
                    "--strict",
                    "--noEmit",
                    "--module",
                    module,
                    "--moduleResolution",
                    resolution,
                    "--target",
                    "es2022",
                    file,
                ])
                // Usage also under the strictest reading of optional members (`token?: string`
                // must take a `string | undefined` read from the environment).
                .args((file == "usage.ts").then_some("--exactOptionalPropertyTypes"))
                .args(file.ends_with(".tsx").then_some(["--jsx", "react-jsx"]).into_iter().flatten())
                .current_dir(&clean),
        )?;
    }
    // The bundler build and the browser checks (tests/package) run from the same folder.
    copy_dir(&root().join("tests/package"), &clean)?;
    let fixtures = root().join("tests/fixtures");
    crate::setup::chromium()?;
    let wrangler = crate::setup::wrangler()?;
    let runtimes = crate::setup::runtimes()?;
    cmd::run(
        Command::new("node")
            .args(["--test", "--test-reporter=spec"])
            .current_dir(&clean)
            .env("CLOUDPLAY_WRANGLER", wrangler)
            .env("CLOUDPLAY_RUNTIMES", runtimes)
            .env("CLOUDPLAY_OUT", root().join("tests/out"))
            .env("CLOUDPLAY_FIXTURES", fixtures)
            .envs(env.iter().map(|(k, v)| (*k, v))),
    )
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let dest = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(())
}
