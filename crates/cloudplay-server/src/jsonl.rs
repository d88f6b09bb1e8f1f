//! The JSON Lines verbs for tooling: `sign-wire` and `verify-wire`. One input per line in,
//! one JSON answer per line out, in order; a line that cannot be taken gets an error answer
//! and the stream goes on.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::ExitCode;

use cloudplay_core::verify::{outcome_json, VerifyWireInput};
use cloudplay_core::{Error, Signer, WireInput};
use serde_json::{json, Value};

/// `sign-wire`: a SigningTrace, or `{"error":{"code","message","path"?}}`. One `Signer` for
/// the stream, so a run of TC3 lines with one secret, day and service derives its key once.
pub fn sign_line(signer: &mut Signer, line: &[u8]) -> Value {
    match WireInput::from_json(line).and_then(|i| signer.sign(&i)) {
        Ok(trace) => serde_json::to_value(trace)
            .unwrap_or_else(|e| json!({"error": {"code": "Internal", "message": e.to_string()}})),
        Err(e) => json!({ "error": error_object(&e) }),
    }
}

/// `verify-wire`: `{"ok":true,…}` or `{"ok":false,"code","message","string_to_sign"?}`; an
/// input that is not a request at all is answered `ok:false` with the input error's code.
pub fn verify_line(line: &[u8]) -> Value {
    match VerifyWireInput::from_json(line) {
        Ok(input) => outcome_json(&input.verify()),
        Err(e) => {
            let mut out = error_object(&e);
            out["ok"] = json!(false);
            out
        }
    }
}

fn error_object(e: &Error) -> Value {
    let mut err = json!({ "code": e.code(), "message": e.message });
    if let Some(path) = &e.path {
        err["path"] = json!(path);
    }
    err
}

pub fn run_stdio(verb: &str, answer: impl FnMut(&[u8]) -> Value) -> ExitCode {
    let stdout = io::stdout();
    match run(io::stdin().lock(), io::BufWriter::new(stdout.lock()), answer) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe downstream is the reader's choice, not a failure of ours.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cloudplay {verb}: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Answers every line of `input`. Lines are bytes, so a line of invalid UTF-8 gets its own
/// error instead of ending the stream; blank lines are skipped; CRLF is accepted.
pub fn run(input: impl Read, mut out: impl Write, mut answer: impl FnMut(&[u8]) -> Value) -> io::Result<()> {
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
        serde_json::to_writer(&mut out, &answer(text))?;
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
