//! A `cloudplay serve` child process on a free port, and raw HTTP over TCP to it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct Server {
    pub child: Child,
    pub port: u16,
    pub log: Arc<Mutex<String>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `cloudplay serve --port 0 <extra>` and reads the bound port from its first line.
pub fn start(extra: &[&str]) -> Server {
    start_with_env(extra, &[])
}

/// Starts `cloudplay serve --port 0 <extra>` with stdout and stderr piped, and reads the bound
/// port from its first line; stderr is left in the child, unread.
pub fn spawn(extra: &[&str], env: &[(&str, &str)]) -> (Child, u16, BufReader<std::process::ChildStdout>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .args(["serve", "--port", "0"])
        .args(extra)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read on a thread of its own, so that a server that never says its port fails the test
    // instead of hanging it.
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = out.read_line(&mut line);
        let _ = tx.send((line, out));
    });
    let Ok((line, out)) = rx.recv_timeout(Duration::from_secs(30)) else {
        let _ = child.kill();
        panic!("cloudplay serve did not say its port within 30 s");
    };
    let port =
        line.trim().trim_end_matches('/').rsplit(':').next().unwrap().parse().unwrap_or_else(|_| panic!("{line}"));
    (child, port, out)
}

pub fn start_with_env(extra: &[&str], env: &[(&str, &str)]) -> Server {
    let (mut child, port, mut out) = spawn(extra, env);
    let log = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&log);
    let mut err = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = err.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = out.read_to_string(&mut rest);
    });
    Server { child, port, log }
}

pub fn connect(port: u16) -> TcpStream {
    let s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    // A generous bound so a hung connection fails the test instead of hanging it.
    s.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
    s
}

/// Sends raw bytes and reads until the server closes or one full response has arrived.
pub fn exchange(port: u16, bytes: &[u8]) -> (u16, String, bool) {
    let mut s = connect(port);
    let _ = s.write_all(bytes);
    read_response(&mut s)
}

/// (status, body, whether the server closed the connection afterwards).
pub fn read_response(s: &mut TcpStream) -> (u16, String, bool) {
    let mut data = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(e) => panic!("no answer and no close: {e} after {:?}", String::from_utf8_lossy(&data)),
        }
        if let Some(done) = complete(&data) {
            let (status, body) = done;
            let closed = String::from_utf8_lossy(&data).to_ascii_lowercase().contains("connection: close");
            return (status, body, closed);
        }
    }
    let text = String::from_utf8_lossy(&data).into_owned();
    match complete(&data) {
        Some((status, body)) => (status, body, true),
        None => (0, text, true),
    }
}

pub fn complete(data: &[u8]) -> Option<(u16, String)> {
    let text = String::from_utf8_lossy(data);
    let (head, body) = text.split_once("\r\n\r\n")?;
    let status = head.split(' ').nth(1)?.parse().ok()?;
    let len = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse::<usize>().unwrap_or(0))
        })
        .unwrap_or(0);
    (body.len() >= len).then(|| (status, body[..len].to_string()))
}
