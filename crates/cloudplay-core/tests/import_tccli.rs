//! Import of the four tccli service versions (ms, hai, postgres, cvm): every action loads,
//! describes, validates and builds; every example round-trips (import → validate → build).
//!
//! The metadata comes from `CLOUDPLAY_TCCLI_DIR` (set by `cargo xtask test`) or
//! `../shared/reference/tccli`; without either the test fails and says how to get it.

mod common;

use cloudplay_core::sign::Algorithm;
use cloudplay_core::{
    build, prepare_with_spec, validate, ApiSpec, BuildOptions, Call, Catalog, Credentials, PrepareOptions,
};
use common::{business_pairs, pairs, tc_common, tccli_dir};
use serde_json::{json, Value};

const SERVICES: [(&str, usize, usize); 4] = [
    // folder, actions, examples
    ("ms-2018-04-08", 23, 33),
    ("hai-2023-08-12", 26, 26),
    ("postgres-2017-03-12", 130, 162),
    ("cvm-2017-03-12", 106, 123),
];

fn load(folder: &str) -> Vec<ApiSpec> {
    let dir = tccli_dir().join(folder);
    let api = std::fs::read_to_string(dir.join("api.json")).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let examples = std::fs::read_to_string(dir.join("examples.json")).unwrap();
    let out = cloudplay_core::import::tccli::import(&api, Some(&examples)).unwrap();
    assert!(out.skipped.is_empty(), "{folder}: skipped {:?}", out.skipped);
    out.specs
}

fn creds() -> Credentials {
    Credentials { secret_id: "AKIDEXAMPLE".into(), secret_key: "secret".into(), token: None }
}

#[test]
fn every_action_of_the_four_services_describes_validates_and_builds() {
    let mut catalog = Catalog::new();
    for (folder, actions, examples) in SERVICES {
        let specs = load(folder);
        assert_eq!(specs.len(), actions, "{folder}: actions loaded");
        let n_examples: usize = specs.iter().map(|s| s.examples.len()).sum();
        assert_eq!(n_examples, examples, "{folder}: examples loaded");
        for spec in &specs {
            let id = spec.id();
            // describe: the spec as JSON, and back
            let text = serde_json::to_string(spec).unwrap();
            assert_eq!(&ApiSpec::from_json(&text).unwrap(), spec, "{id}");
            // validate: an empty call lists exactly the required top-level fields as missing
            let missing: Vec<String> = spec.params.iter().filter(|p| p.required).map(|p| p.name.clone()).collect();
            let v = validate(spec, &json!({}));
            assert!(v.iter().all(|x| x.code == "MissingParameter"), "{id}: {v:?}");
            assert_eq!(v.iter().map(|x| x.path.clone()).collect::<Vec<_>>(), missing, "{id}");
            // build and sign, GET and POST, even when invalid
            for method in ["GET", "POST"] {
                let mut options = PrepareOptions::at(1_700_000_000);
                options.method = Some(method.into());
                options.allow_invalid = true;
                let call = Call::new(id.clone(), json!({})).with_region("ap-guangzhou");
                let p =
                    prepare_with_spec(spec, &call, &creds(), &options).unwrap_or_else(|e| panic!("{id} {method}: {e}"));
                assert_eq!(p.request.header("X-TC-Action"), Some(spec.action.as_str()));
                assert_eq!(p.request.host, format!("{}.tencentcloudapi.com", spec.product));
            }
        }
        let report = catalog.extend(specs).unwrap();
        assert_eq!(report, actions);
    }
    assert_eq!(catalog.len(), 23 + 26 + 130 + 106);
    let hits: Vec<String> = catalog.search("cvm RunInstances").into_iter().map(|s| s.id).collect();
    assert!(hits.contains(&"cvm/2017-03-12/RunInstances".to_string()), "{hits:?}");
    assert!(hits.iter().all(|id| id.starts_with("cvm/")), "{hits:?}");
}

#[test]
fn every_example_round_trips_import_validate_build() {
    let mut clean = 0;
    let mut total = 0;
    let mut with_violations = Vec::new();
    for (folder, _, _) in SERVICES {
        for spec in load(folder) {
            for (i, ex) in spec.examples.iter().enumerate() {
                total += 1;
                let label = format!("{} example {i}", spec.id());
                assert!(ex.params.is_object(), "{label}: parameters not recovered from {:?}", ex.request);
                let v = validate(&spec, &ex.params);
                if v.is_empty() {
                    clean += 1;
                } else {
                    with_violations
                        .push(format!("{label}: {:?}", v.iter().map(|x| (&x.path, &x.code)).collect::<Vec<_>>()));
                }
                let doc = ex.request.as_ref().unwrap();
                let options = BuildOptions {
                    timestamp: 1_700_000_000,
                    method: Some(doc.method.clone()),
                    ..BuildOptions::default()
                };
                let req = build(&spec, &ex.params, &options).unwrap_or_else(|e| panic!("{label}: {e}"));
                if doc.method == "POST" {
                    // The JSON body carries the example's parameters, value for value (an integer
                    // the vendor wrote as "1024" goes out as the number 1024).
                    let sent: Value = serde_json::from_str(&req.body).unwrap();
                    let documented: Value = serde_json::from_str(&doc.body).unwrap();
                    assert!(same_values(&sent, &documented), "{label}:\n sent {sent}\n documented {documented}");
                } else {
                    assert_eq!(
                        business_pairs(pairs(&req.query), tc_common),
                        business_pairs(pairs(&doc.query), tc_common),
                        "{label}"
                    );
                }
            }
        }
    }
    assert_eq!(total, 33 + 26 + 162 + 123);
    assert_eq!(clean, total, "examples with violations:\n{}", with_violations.join("\n"));
}

#[test]
fn target_actions_examples_validate_clean() {
    let targets = [
        ("ms-2018-04-08", "CreateResourceInstances"),
        ("hai-2023-08-12", "RunInstances"),
        ("postgres-2017-03-12", "CreateInstances"),
        ("cvm-2017-03-12", "RunInstances"),
    ];
    for (folder, action) in targets {
        let specs = load(folder);
        let spec = specs.iter().find(|s| s.action == action).unwrap();
        assert!(!spec.examples.is_empty(), "{action}");
        for ex in &spec.examples {
            assert_eq!(validate(spec, &ex.params), vec![], "{} {:?}", spec.id(), ex.title);
        }
    }
}

#[test]
fn imported_specs_keep_the_facts_and_leave_prose_as_prose() {
    let hai = load("hai-2023-08-12");
    let run = hai.iter().find(|s| s.action == "RunInstances").unwrap();
    let names: Vec<&str> = run.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["ApplicationId", "BundleType", "SystemDisk", "InstanceCount", "InstanceName", "ClientToken", "DryRun"]
    );
    assert!(run.param("ApplicationId").unwrap().required);
    assert!(!run.param("SystemDisk").unwrap().required);
    assert_eq!(run.param("InstanceCount").unwrap().ty, cloudplay_core::ParamType::Uint64);
    assert_eq!(run.param("SystemDisk.DiskSize").unwrap().ty, cloudplay_core::ParamType::Int64);
    // BundleType's values are listed only in prose: no enum is made up from it.
    let bundle = run.param("BundleType").unwrap();
    assert!(bundle.allowed.is_empty());
    assert!(bundle.doc.zh.contains("XL_2X"));
    assert!(run.param("InstanceCount").unwrap().max.is_none());
    assert_eq!(run.algorithms[0], Algorithm::Tc3HmacSha256);

    let ms = load("ms-2018-04-08");
    let create = ms.iter().find(|s| s.action == "CreateResourceInstances").unwrap();
    assert!(create.deprecated, "status deprecated");
    assert_eq!(create.examples[0].params, json!({"Pid": 12750, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 10}));

    let cvm = load("cvm-2017-03-12");
    let run = cvm.iter().find(|s| s.action == "RunInstances").unwrap();
    assert_eq!(run.params.len(), 34);
    assert!(run.params.iter().all(|p| !p.required));
    assert!(run.param("ActionTimer.Externals.StorageBlockAttr.Type").is_some());
    assert!(run.structs.is_empty(), "cvm has no cycles, so everything is inline");
    let stop = cvm.iter().find(|s| s.action == "StopInstances").unwrap();
    assert!(stop.param("ForceStop").unwrap().deprecated);
}

#[test]
fn nested_fields_validate_and_flatten_0_based() {
    let cvm = load("cvm-2017-03-12");
    let describe = cvm.iter().find(|s| s.action == "DescribeInstances").unwrap();
    let params = json!({"Filters": [{"Name": "zone", "Values": ["ap-guangzhou-1", "ap-guangzhou-2"]}, {"Values": [3]}], "Limit": "20"});
    let v = validate(describe, &params);
    let got: Vec<(&str, &str)> = v.iter().map(|x| (x.path.as_str(), x.code.as_str())).collect();
    assert_eq!(got, [("Filters[1].Name", "MissingParameter"), ("Filters[1].Values[0]", "InvalidParameter")]);
    let ok = json!({"Filters": [{"Name": "zone", "Values": ["ap-guangzhou-1", "ap-guangzhou-2"]}], "Limit": "20"});
    assert_eq!(validate(describe, &ok), vec![]);
    let options = BuildOptions { timestamp: 1_700_000_000, method: Some("GET".into()), ..BuildOptions::default() };
    let req = build(describe, &ok, &options).unwrap();
    assert_eq!(
        req.query,
        "Filters.0.Name=zone&Filters.0.Values.0=ap-guangzhou-1&Filters.0.Values.1=ap-guangzhou-2&Limit=20"
    );
    let post = build(describe, &ok, &BuildOptions { timestamp: 1_700_000_000, ..BuildOptions::default() }).unwrap();
    assert_eq!(post.body, r#"{"Filters":[{"Name":"zone","Values":["ap-guangzhou-1","ap-guangzhou-2"]}],"Limit":20}"#);
}

#[test]
fn api3_also_signs_with_the_v1_signature() {
    // The vendor's documentation example of signature v1 on API 3.0 (cvm DescribeInstances).
    let cvm = load("cvm-2017-03-12");
    let describe = cvm.iter().find(|s| s.action == "DescribeInstances").unwrap();
    let call = Call::new(describe.id(), json!({"InstanceIds": ["ins-09dx96dg"], "Limit": 20, "Offset": 0}))
        .with_region("ap-guangzhou");
    let mut options = PrepareOptions::at(1_465_185_768);
    options.algorithm = Some(Algorithm::TcHmacSha1);
    options.method = Some("GET".into());
    options.nonce = Some("11886".into());
    let c = Credentials {
        secret_id: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******".into(),
        secret_key: "Gu5t9xGARNpq86cd98joQYCN3*******".into(),
        token: None,
    };
    let p = prepare_with_spec(describe, &call, &c, &options).unwrap();
    let mut sent = pairs(&p.request.query);
    sent.sort();
    let names: Vec<&str> = sent.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "Action",
            "InstanceIds.0",
            "Limit",
            "Nonce",
            "Offset",
            "Region",
            "SecretId",
            "Signature",
            "SignatureMethod",
            "Timestamp",
            "Version"
        ]
    );
    assert!(p.trace.string_to_sign.starts_with(
        "GETcvm.tencentcloudapi.com/?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886"
    ));
}

/// JSON equality where an integer equals its decimal string.
fn same_values(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_values(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_values(v, w)),
        (Value::Number(n), Value::String(s)) | (Value::String(s), Value::Number(n)) => n.to_string() == *s,
        _ => a == b,
    }
}
