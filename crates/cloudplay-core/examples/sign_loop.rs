//! A hot loop over one vector per algorithm, for profilers (`perf record`, callgrind):
//! `cargo run --release -p cloudplay-core --example sign_loop -- ACS3-HMAC-SHA256 200000`.

use cloudplay_core::conformance::contract_input;
use cloudplay_core::{sign_wire, WireInput};
use serde_json::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let alg = args.next().unwrap_or_else(|| "TC3-HMAC-SHA256".into());
    let n: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let doc: Value = serde_json::from_str(include_str!("../../../tests/fixtures/signing.json")).expect("fixture");
    let vector = doc["vectors"]
        .as_array()
        .and_then(|vs| vs.iter().find(|v| v["algorithm"] == alg.as_str() && v["source"] == "sdk"))
        .unwrap_or_else(|| panic!("no SDK vector for {alg}"));
    let json = serde_json::to_vec(&contract_input(vector).expect("contract fields")).expect("json");
    let start = std::time::Instant::now();
    let mut total = 0usize;
    for _ in 0..n {
        let input = WireInput::from_json(&json).expect("input");
        total += sign_wire(&input).expect("signs").signature.len();
    }
    let per = start.elapsed().as_secs_f64() * 1e6 / f64::from(n);
    println!("{alg}: {per:.2} µs per parse + sign ({total} signature bytes)");
}
