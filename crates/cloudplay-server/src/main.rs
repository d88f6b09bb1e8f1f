//! `cloudplay`: the command-line face of cloudplay.
//!
//! Verbs: `sign-wire` and `verify-wire` (JSON Lines for tooling), `serve` (the playground and the
//! simulator on loopback).

mod jsonl;
mod serve;

use std::process::ExitCode;

const USAGE: &str = "\
cloudplay — sign, verify and simulate Tencent Cloud and Alibaba Cloud API calls

USAGE:
    cloudplay sign-wire              read signWire inputs as JSON Lines on stdin, write one result per line
    cloudplay verify-wire            read received requests as JSON Lines on stdin, answer whether each verifies
    cloudplay serve [--port N] [--accounts FILE] [--root DIR] [--pkg DIR] [--rate-limit N] [--quiet]
                                     serve the playground and the simulator on http://127.0.0.1:N
                                     (default 8080; 0 picks a free port). The simulator answers SDKs
                                     pointed at it as endpoint or as HTTP proxy. --accounts adds
                                     a JSON list of accounts (see the README); --rate-limit
                                     overrides the 20 requests/s per action (0 = off, for benchmarks)
    cloudplay --help | --version
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cloudplay serve --help` is how people ask what a verb takes; the JSON Lines verbs would
    // otherwise sit waiting on stdin.
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let verb = args.first().map(String::as_str);
    if let (Some("sign-wire" | "verify-wire"), Some(extra)) = (verb, args.get(1)) {
        return usage_error(&format!("{} reads JSON Lines on stdin and takes no option ('{extra}')", args[0]));
    }
    match verb {
        Some("sign-wire") => {
            let mut signer = cloudplay_core::Signer::default();
            jsonl::run_stdio("sign-wire", |line| jsonl::sign_line(&mut signer, line))
        }
        Some("verify-wire") => jsonl::run_stdio("verify-wire", jsonl::verify_line),
        Some("serve") => match serve::Options::parse(&args[1..]) {
            Ok(opts) => serve::run(opts),
            Err(msg) => usage_error(&msg),
        },
        Some("--version" | "-V") => {
            println!("cloudplay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("--help" | "-h" | "help") => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Some(other) => usage_error(&format!("unknown command '{other}'")),
        None => usage_error("a command is required"),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("cloudplay: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
