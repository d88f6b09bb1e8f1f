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
    // Killed first: should the count never be said, stderr closes and the reader ends.
    let _ = child.kill();
    let _ = child.wait();
    let text = reader.join().unwrap();
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

/// What `--specs` says at start goes the same way: many files with examples that break their
/// spec write more than a pipe holds before the port line.
#[test]
fn a_long_start_up_log_does_not_hold_back_the_port_line() {
    let dir = std::env::temp_dir().join(format!("cloudplay-startlog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = [r#"{"params":{}}"#; 10].join(",");
    let mut args = Vec::new();
    for i in 0..120 {
        let spec = format!(
            r#"{{"product":"demo","version":"2024-01-01","action":"Ping{i}","style":"tencent-api3",
            "endpoints":{{"default":"demo.tencentcloudapi.com","path":"/"}},"methods":["POST"],
            "content_types":["application/json"],"algorithms":["TC3-HMAC-SHA256"],"examples":[{broken}],
            "params":[{{"name":"Message{}","type":"string","required":true}}]}}"#,
            "x".repeat(200)
        );
        let file = dir.join(format!("ping{i}.json"));
        std::fs::write(&file, spec).unwrap();
        args.push("--specs".to_string());
        args.push(file.display().to_string());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // spawn reads the port line: with the log written in line, it never came (stderr full).
    let (mut child, port, _out) = common::spawn(&args, &[]);
    let _ = std::fs::remove_dir_all(&dir);
    let (status, _, _) = common::exchange(port, b"GET /missing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(status, 404);
}
