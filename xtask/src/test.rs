//! `cargo xtask test`: every test, in the order that fails fastest, with a timing summary.

use std::time::Instant;

use crate::cmd;
use crate::{fixtures, interop, npm_test, pkg, setup};

pub fn run(args: &[String]) -> Result<(), String> {
    if let Some(a) = args.first() {
        return Err(format!("test: unknown option '{a}'"));
    }
    let mut steps: Vec<(&str, f64)> = Vec::new();
    let mut step = |name: &'static str, f: &mut dyn FnMut() -> Result<(), String>| -> Result<(), String> {
        eprintln!("\n== {name}");
        let start = Instant::now();
        let r = f();
        steps.push((name, start.elapsed().as_secs_f64()));
        r.map_err(|e| format!("{name}: {e}"))
    };

    step("set-up", &mut setup::base)?;
    let fx = fixtures::locate()?;
    fx.print();
    let env = fx.env();

    step("native tests (cargo test --workspace)", &mut || {
        cmd::run(cmd::cargo().args(["test", "--workspace", "--all-targets"]).envs(env.iter().map(|(k, v)| (*k, v))))
    })?;
    step("no_std build (thumbv7em-none-eabihf)", &mut || {
        cmd::run(cmd::cargo().args([
            "build",
            "-p",
            "cloudplay-sign",
            "-p",
            "cloudplay-core",
            "-p",
            "cloudplay-sim",
            "--target",
            "thumbv7em-none-eabihf",
        ]))
    })?;
    step("official SDKs vs sign-wire and verify-wire (tests/differential)", &mut crate::differential::run)?;
    step("wasm tests (wasm-bindgen-test under Node)", &mut || {
        cmd::run(
            cmd::cargo()
                .args(["test", "-p", "cloudplay-wasm", "--target", "wasm32-unknown-unknown"])
                .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", "wasm-bindgen-test-runner"),
        )
    })?;
    step("npm package build", &mut || pkg::build())?;
    step("Node tests of the packed tarball in a clean folder", &mut || npm_test::run(&env))?;
    step("browser tests (headless Chromium: the playground and the widget)", &mut crate::browser::run)?;

    step("official SDK clients against cloudplay serve (tests/interop)", &mut interop::run)?;

    eprintln!("\nall tests passed");
    for (name, secs) in &steps {
        eprintln!("  {secs:>7.1} s  {name}");
    }
    Ok(())
}
