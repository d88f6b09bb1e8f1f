//! `cloudplay sign-wire`: one signWire input per line in, one JSON result per line out.
//! A line that cannot be signed gets `{"error":{"code","message","path"?}}` and the stream goes on.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use cloudplay_core::{sign_wire, Error, WireInput};
use serde_json::json;

pub fn run_stdio() -> ExitCode {
    let stdin = io::stdin();
    let stdout = io::stdout();
    match run(stdin.lock(), io::BufWriter::new(stdout.lock())) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe downstream is the reader's choice, not a failure of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cloudplay sign-wire: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Processes every line of `input`. Lines are bytes, so a line of invalid UTF-8 gets its own
/// error instead of ending the stream; blank lines are skipped.
pub fn run(input: impl Read, mut out: impl Write) -> io::Result<()> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = trim_line(&line);
        if text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let result = WireInput::from_json(text).and_then(|i| sign_wire(&i));
        let value = match result {
            Ok(trace) => serde_json::to_value(trace).unwrap_or_else(|e| error_json_text("Internal", &e.to_string())),
            Err(e) => error_json(&e),
        };
        serde_json::to_writer(&mut out, &value)?;
        out.write_all(b"\n")?;
        // Flush before we might block on input, so a caller feeding one line at a time
        // gets each answer without waiting for the buffer to fill.
        if !input.buffer().contains(&b'\n') {
            out.flush()?;
        }
    }
    out.flush()
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut end = line.len();
    while end > 0 && (line[end - 1] == b'\n' || line[end - 1] == b'\r') {
        end -= 1;
    }
    &line[..end]
}

pub fn error_json(e: &Error) -> serde_json::Value {
    let mut err = json!({ "code": e.code(), "message": e.message });
    if let Some(path) = &e.path {
        err["path"] = json!(path);
    }
    json!({ "error": err })
}

fn error_json_text(code: &str, message: &str) -> serde_json::Value {
    json!({ "error": { "code": code, "message": message } })
}
