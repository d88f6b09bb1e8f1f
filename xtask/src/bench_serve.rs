//! `cargo xtask bench-serve [--seconds N] [--connections N]`: the load benchmark of
//! `cloudplay serve` (crates/cloudplay-server/examples/load.rs), built in release mode.

use std::process::Command;

use crate::cmd::{self, root};

pub fn run(args: &[String]) -> Result<(), String> {
    cmd::run(cmd::cargo().args([
        "build",
        "--release",
        "-p",
        "cloudplay-server",
        "--bin",
        "cloudplay",
        "--example",
        "load",
    ]))?;
    let bench = root().join("target/release/examples/load");
    cmd::run(Command::new(bench).arg("--bin").arg(root().join("target/release/cloudplay")).args(args))
}
