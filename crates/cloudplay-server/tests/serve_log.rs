//! What `cloudplay serve` says on stderr, and how. A fixture that pipes the server's stderr and never reads it must not stop the server: the
//! per-request log is written by a thread of its own, and lines that find no room are dropped
//! and counted.

mod common;

use std::io::{Read, Write};
use std::process::Command;

#[test]
fn an_unread_stderr_pipe_does_not_stop_the_server() {
    let (mut child, port, _out) = common::spawn(&[], &[]);
    // Held, never read, until every request has an answer: a pipe holds about 64 KiB, some
    // thousand log lines, and the log's queue 4096 more.
    let mut err = child.stderr.take().unwrap();
    let mut s = common::connect(port);
    const N: usize = 8000;
    for i in 0..N {
        s.write_all(format!("GET /missing-{i} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes()).unwrap();
        let (status, _, closed) = common::read_response(&mut s);
        assert_eq!(status, 404, "request {i}");
        assert!(!closed, "request {i}");
    }
    // Read now: the log moves again and says what it dropped.
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let mut buf = [0u8; 65536];
        while !text.contains("log lines dropped") {
            match err.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => text.push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
        text
    });
    // One more line pushes the writer past the lines it had queued.
    for i in 0..5000 {
        if reader.is_finished() {
            break;
        }
        s.write_all(format!("GET /after-{i} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes()).unwrap();
        assert_eq!(common::read_response(&mut s).0, 404);
    }
    let text = reader.join().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let said = text.lines().find(|l| l.contains("log lines dropped")).expect("the dropped lines are counted");
    let dropped: usize = said.split_whitespace().nth(2).unwrap().parse().unwrap();
    assert!(dropped > 0 && dropped < N, "{said}");
    assert!(text.contains("file GET /missing-0 404"), "the first lines were written");
}

#[test]
fn a_port_in_use_is_named() {
    let server = common::start(&[]);
    let port = server.port.to_string();
    let out =
        Command::new(env!("CARGO_BIN_EXE_cloudplay")).args(["serve", "--port", &port, "--quiet"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("cannot listen on 127.0.0.1:{port}")) && err.contains("--port 0"), "{err}");
}
