//! `cloudplay sign-wire` over a pipe: every vector answered in order, bad lines answered
//! with an error object, and the stream going on after them.

use std::io::Write;
use std::process::{Command, Stdio};

use cloudplay_core::conformance::{contract_input, COMPARED_FIELDS};
use serde_json::Value;

fn run(stdin: &[u8]) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .arg("sign-wire")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn cloudplay");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn vectors() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/signing.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

#[test]
fn answers_every_vector_in_order_and_survives_bad_lines() {
    let vectors = vectors();
    let mut stdin = Vec::new();
    let bad_lines: [&[u8]; 5] = [
        b"{not json",
        b"{\"algorithm\":\"HMAC-MD5\"}",
        b"\xff\xfe{}",
        b"{\"algorithm\":\"TC3-HMAC-SHA256\",\"method\":\"GET\"}",
        b"[]",
    ];
    for (i, v) in vectors.iter().enumerate() {
        stdin.extend(serde_json::to_vec(&contract_input(v).unwrap()).unwrap());
        // CRLF line ends and blank lines are tolerated.
        stdin.extend_from_slice(if i % 2 == 0 { b"\n" } else { b"\r\n\n" });
        if i < bad_lines.len() {
            stdin.extend_from_slice(bad_lines[i]);
            stdin.push(b'\n');
        }
    }
    let out = run(&stdin);
    assert_eq!(out.len(), vectors.len() + bad_lines.len());

    let mut results = out.iter();
    for (i, v) in vectors.iter().enumerate() {
        let got = results.next().unwrap();
        for field in COMPARED_FIELDS {
            if let Some(want) = v["expected"].get(field) {
                assert_eq!(&got[field], want, "{} {field}", v["id"]);
            }
        }
        if i < bad_lines.len() {
            let err = &results.next().unwrap()["error"];
            let want = ["InvalidJson", "UnknownAlgorithm", "InvalidUtf8", "MissingField", "InvalidJson"][i];
            assert_eq!(err["code"], want, "bad line {i}: {err}");
            assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
        }
    }
}

#[test]
fn answers_each_line_before_the_next_arrives() {
    use std::io::{BufRead, BufReader};
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .arg("sign-wire")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    for v in vectors().iter().take(3) {
        input.write_all(&serde_json::to_vec(&contract_input(v).unwrap()).unwrap()).unwrap();
        input.write_all(b"\n").unwrap();
        input.flush().unwrap();
        let mut line = String::new();
        output.read_line(&mut line).unwrap();
        let got: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(got["signature"], v["expected"]["signature"]);
    }
    drop(input);
    assert!(child.wait().unwrap().success());
}

/// `--help` after any verb prints the usage instead of waiting on stdin (sign-wire would) or
/// starting a server; a stray option to a JSON Lines verb is refused, not ignored.
#[test]
fn help_after_a_verb_and_stray_options() {
    for verb in ["sign-wire", "verify-wire", "serve"] {
        let out =
            Command::new(env!("CARGO_BIN_EXE_cloudplay")).args([verb, "--help"]).stdin(Stdio::null()).output().unwrap();
        assert!(out.status.success(), "{verb} --help");
        assert!(String::from_utf8_lossy(&out.stdout).contains("cloudplay serve [--port N]"), "{verb} --help");
    }
    // serve's own help says what answers where: the proxy and its rules, the simulator.
    let out = Command::new(env!("CARGO_BIN_EXE_cloudplay")).args(["serve", "--help"]).output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    for part in ["POST /proxy", "Origin", "aliyuncs.com", "--root DIR", "absolute-form"] {
        assert!(said.contains(part), "serve --help names {part}: {said}");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_cloudplay"))
        .args(["sign-wire", "--pretty"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("sign-wire") && err.contains("'--pretty'"), "{err}");
}
