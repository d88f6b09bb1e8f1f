//! `cargo xtask <command>`: the project's set-up, build and test driver.
//!
//! Two commands are all a new machine needs: `cargo xtask play` and `cargo xtask test`.
//! Every step installs what is missing and skips what is already there.

mod bench_serve;
mod browser;
mod cmd;
mod differential;
mod fixtures;
mod interop;
mod npm_test;
mod pkg;
mod setup;
mod test;

use std::process::ExitCode;

const USAGE: &str = "\
cargo xtask <command>

    play [--port N]   set up, build the package, serve the playground on 127.0.0.1 (default port 8080)
    test              set up and run every test (native, no_std, wasm, Node, CLI)
    setup             install what is missing (rust targets, wasm-bindgen-cli, npm packages)
    pkg               build the npm package into pkg/ as wasm-pack.toml says
    bench             run the native signing benchmarks (criterion)
    bench-js          build the package, then time it against the official Node signing code
    size              build the package, then print its sizes (raw, gzip -9, brotli)
    bench-serve       load benchmark of cloudplay serve: requests/s, errors, memory [--seconds N] [--connections N]
    browser-bench     time the playground in Chromium: page ready, preview per keystroke
    fixtures          fetch or locate the vendor metadata the tests use, and print where
    interop           the official Python SDK clients against cloudplay serve (also part of test)
    differential      the official SDKs sign adversarial requests; sign-wire and verify-wire must agree (also part of test)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cargo xtask play --help` is how people ask what play takes.
    if args.iter().skip(1).any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let result = match args.first().map(String::as_str) {
        Some("play") => play(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("setup") => setup::base(),
        Some("pkg") => setup::base().and_then(|()| pkg::build()),
        Some("browser-bench") => browser::bench(),
        Some("bench") => cmd::run(cmd::cargo().args(["bench", "-p", "cloudplay-core", "--bench", "sign_wire"])),
        Some("bench-js") => setup::base().and_then(|()| pkg::build()).and_then(|()| {
            cmd::run(std::process::Command::new("node").arg("tests/bench/sign-node.mjs").current_dir(cmd::root()))
        }),
        Some("size") => setup::base().and_then(|()| pkg::build()).and_then(|()| {
            cmd::run(std::process::Command::new("node").arg("tests/bench/size.mjs").current_dir(cmd::root()))
        }),
        Some("fixtures") => fixtures::locate().map(|f| f.print()),
        Some("interop") => interop::run(),
        Some("differential") => setup::base().and_then(|()| differential::run()),
        Some("bench-serve") => bench_serve::run(&args[1..]),
        Some("-h" | "--help" | "help") | None => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown command '{other}'\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn play(args: &[String]) -> Result<(), String> {
    let mut port = "8080".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => port = it.next().ok_or("--port needs a value")?.clone(),
            other => return Err(format!("play: unknown option '{other}'")),
        }
    }
    setup::base()?;
    pkg::build()?;
    cmd::run(cmd::cargo().args(["build", "--release", "-p", "cloudplay-server"]))?;
    let root = cmd::root();
    let bin = root.join("target/release/cloudplay");
    cmd::run(
        std::process::Command::new(bin)
            .args(["serve", "--port", &port, "--root"])
            .arg(root.join("www"))
            .arg("--pkg")
            .arg(root.join("pkg")),
    )
}
