//! `cargo xtask test` step and `cargo xtask differential`: the vendors' official SDKs (Python,
//! pinned in `tests/interop/requirements.txt`, and the Node ones in `package.json`) sign
//! adversarial requests (`tests/differential/gen_cases.py`, fixed seed), and `cloudplay
//! sign-wire` / `verify-wire` must agree with every one (`tests/differential/check.py`).
//!
//! The generator creates its virtualenv, `.cache/venv-diff`, on first use and re-installs it
//! when the requirements change; nothing is skipped. About 15 s warm, 40 s with a new venv.

use std::process::Command;

use crate::cmd::{self, root};

const GENERATOR: &str = "tests/differential/gen_cases.py";
const CHECKER: &str = "tests/differential/check.py";
const CASES: &str = ".cache/differential/cases.json";

pub fn run() -> Result<(), String> {
    cmd::run(cmd::cargo().args(["build", "-p", "cloudplay-server"]))?;
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    cmd::run(
        Command::new(&python).arg(root().join(GENERATOR)).arg("--out").arg(root().join(CASES)).current_dir(root()),
    )?;
    cmd::run(
        Command::new(&python)
            .arg(root().join(CHECKER))
            .arg(root().join(CASES))
            .arg("--bin")
            .arg(root().join("target/debug/cloudplay"))
            .current_dir(root()),
    )
}
