//! `sign_wire` per algorithm, on one official-SDK vector each (parsing excluded), and the
//! whole JSON-line path (parse + sign) that `cloudplay sign-wire` runs.

use cloudplay_core::conformance::contract_input;
use cloudplay_core::{sign_wire, Algorithm, WireInput};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use serde_json::Value;

fn inputs() -> Vec<(Algorithm, Vec<u8>)> {
    let text = include_str!("../../../tests/fixtures/signing.json");
    let doc: Value = serde_json::from_str(text).unwrap();
    let vectors = doc["vectors"].as_array().unwrap();
    Algorithm::ALL
        .iter()
        .map(|alg| {
            // The first SDK-made vector of each algorithm (not a doc example: those are tiny).
            let v = vectors.iter().find(|v| v["algorithm"] == alg.id() && v["source"] == "sdk").unwrap();
            (*alg, serde_json::to_vec(&contract_input(v).unwrap()).unwrap())
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("sign_wire");
    for (alg, json) in inputs() {
        let input = WireInput::from_json(&json).unwrap();
        group.bench_function(alg.id(), |b| b.iter(|| sign_wire(black_box(&input)).unwrap()));
    }
    group.finish();
    let mut group = c.benchmark_group("parse_and_sign_wire");
    for (alg, json) in inputs() {
        group.bench_function(alg.id(), |b| {
            b.iter(|| sign_wire(&WireInput::from_json(black_box(&json)).unwrap()).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
