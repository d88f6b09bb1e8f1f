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
    cloudplay serve [--port N] [--accounts FILE] [--specs FILE]… [--root DIR] [--pkg DIR] [--rate-limit N] [--quiet]
                                     serve the playground and the simulator on http://127.0.0.1:N
                                     (default 8080; 0 picks a free port). The simulator answers SDKs
                                     pointed at it as endpoint or as HTTP proxy. --accounts adds
                                     a JSON list of accounts (see the README); --specs adds APIs
                                     (specs, a tccli api.json or an Alibaba bundle); --rate-limit
                                     overrides the 20 requests/s per account and action (0 = off, for benchmarks)
    cloudplay --help | --version
";

/// `cloudplay serve --help`: what the server answers where, which the global usage has no room for.
const SERVE_HELP: &str = "\
cloudplay serve — the playground, its simulator and a forwarding proxy, on loopback only

USAGE:
    cloudplay serve [--port N] [--accounts FILE] [--specs FILE]… [--root DIR] [--pkg DIR] [--rate-limit N] [--quiet]

OPTIONS:
    --port N          listen on http://127.0.0.1:N (default 8080; 0 picks a free port, printed first)
    --root DIR        the static files to serve at / (default: ./www)
    --pkg DIR         the built npm package to serve at /pkg/ (default: ./pkg)
    --accounts FILE   a JSON list of accounts the simulator knows, beside its demo ones (see the README)
    --specs FILE      APIs the simulator answers beside the built-in ones (repeatable): API specs as
                      `describe` gives them (one or a list, as `addSpecs` takes), a tccli api.json
                      (with the examples.json beside it, if any) or an Alibaba metadata bundle (as
                      `importAlibabaMeta` takes it); or a folder, whose api.json files are read
                      (tccli's services folder). The page does not see them: import there too
    --rate-limit N    requests per second per account and action (default 20, as documented; 0 = off, for benchmarks)
    --quiet           no line per request

WHAT ANSWERS WHERE:
    GET /, /pkg/…     static files, with a Content-Security-Policy; never framed by another site
    POST /proxy       forwards a signed request {method, url, headers, body} to the vendor over HTTPS,
                      only for a page this server served (its Origin must be this address) and only
                      to vendor API hosts (*.tencentcloudapi.com, *.api.qcloud.com,
                      <product>[.<region>].aliyuncs.com); the answer is marked x-cloudplay-proxy
    simulator         a POST /, a request with an Authorization, X-TC-* or X-Acs-* header, or an
                      absolute-form request (an SDK using this server as its HTTP proxy) is
                      verified and answered as the vendor would; so are the plain-HTTP requests
                      inside a CONNECT tunnel to a port other than 443 (an SDK whose proxy
                      support tunnels). A page of this machine (a dev server's, on localhost,
                      127.x.x.x or [::1]) may read its answers (CORS); a site elsewhere may not

    An SDK points at it as its endpoint (http://127.0.0.1:N) or as its HTTP proxy; from Node, sign
    for 127.0.0.1:N and send direct over http. The log holds method, host, API, code and time:
    never a key, token or signature.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `cloudplay serve --help` is how people ask what a verb takes; the JSON Lines verbs would
    // otherwise sit waiting on stdin.
    if args.iter().skip(1).any(|a| a == "--help" || a == "-h") {
        print!("{}", if args[0] == "serve" { SERVE_HELP } else { USAGE });
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
