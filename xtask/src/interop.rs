//! `cargo xtask test` step: the vendors' official Python clients (pinned in
//! `tests/interop/requirements.txt`) against `cloudplay serve`, as endpoint and as proxy.
//!
//! The virtualenv lives in `.cache/venv-interop`; pip runs only when `requirements.txt` differs
//! from the copy stamped after the last successful install.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use crate::cmd::{self, root};

const REQUIREMENTS: &str = "tests/interop/requirements.txt";
const SCRIPT: &str = "tests/interop/sdk_clients.py";
const SNIPPETS: &str = "tests/interop/snippets.mjs";
const VENV: &str = ".cache/venv-interop";

pub fn run() -> Result<(), String> {
    let python = venv()?;
    cmd::run(cmd::cargo().args(["build", "-p", "cloudplay-server"]))?;
    let mut server = Server::start()?;
    eprintln!("  cloudplay serve on port {}", server.port);
    let mut script = Command::new(&python);
    script.arg(root().join(SCRIPT)).arg(server.port.to_string()).current_dir(root());
    // The playground's snippets too, from the built package (`cargo xtask test` builds it first).
    let module = root().join("pkg/node/cloudplay.js");
    if module.exists() {
        // Inside the workspace, so that the Node snippets find its node_modules.
        let dir = root().join("target/interop-snippets");
        let _ = std::fs::remove_dir_all(&dir);
        cmd::run(Command::new("node").arg(root().join(SNIPPETS)).arg(&module).arg(server.port.to_string()).arg(&dir))?;
        script.arg(&dir);
    } else {
        eprintln!("  no pkg/: the snippets are not run (cargo xtask pkg builds it)");
    }
    let result = cmd::run(&mut script);
    server.stop();
    result
}

/// The virtualenv's python, creating the venv and installing the pinned clients if needed.
fn venv() -> Result<PathBuf, String> {
    let dir = root().join(VENV);
    let python = dir.join("bin/python");
    if !python.exists() {
        let host = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
        cmd::run(Command::new(host).args(["-m", "venv"]).arg(&dir))?;
    }
    let wanted = std::fs::read_to_string(root().join(REQUIREMENTS)).map_err(|e| format!("{REQUIREMENTS}: {e}"))?;
    let stamp = dir.join("requirements.stamp");
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        cmd::run(Command::new(&python).args(["-m", "pip", "install", "--quiet", "-r"]).arg(root().join(REQUIREMENTS)))?;
        std::fs::write(&stamp, &wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    }
    Ok(python)
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start() -> Result<Self, String> {
        let bin = root().join("target/debug/cloudplay");
        let mut child = Command::new(&bin)
            .args(["serve", "--port", "0", "--quiet", "--root"])
            .arg(root().join("www"))
            .arg("--pkg")
            .arg(root().join("pkg"))
            // APIs added as data, which the SDKs' generic clients call (sdk_clients.py).
            .arg("--specs")
            .arg(root().join("tests/interop/added-specs.json"))
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let port = read_port(&mut child);
        match port {
            Some(port) => Ok(Server { child, port }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err("cloudplay serve did not print its address".into())
            }
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The port from the first line, `cloudplay playground: http://127.0.0.1:PORT/`; the rest of
/// stdout is drained in the background so the server never blocks on it.
fn read_port(child: &mut Child) -> Option<u16> {
    let mut out = BufReader::new(child.stdout.take()?);
    let mut line = String::new();
    out.read_line(&mut line).ok()?;
    std::thread::spawn(move || {
        let mut rest = Vec::new();
        let _ = out.read_to_end(&mut rest);
    });
    line.trim().trim_end_matches('/').rsplit(':').next()?.parse().ok()
}
