//! Bad specs and bad parameters get violations or errors naming the spot, never a panic:
//! wrong types, unknown fields, deep nesting, huge arrays, non-JSON; and prepare's own errors.

use cloudplay_core::sign::Algorithm;
use cloudplay_core::validate::MAX_VIOLATIONS;
use cloudplay_core::{
    build, prepare, validate, ApiSpec, BuildOptions, Call, Catalog, Credentials, ErrorKind, PrepareOptions,
};
use serde_json::{json, Value};

const HAI: &str = "hai/2023-08-12/RunInstances";
const PG: &str = "postgres/2017-03-12/CreateResource";
const BSS: &str = "bssopenapi/2017-12-14/CreateInstance";

fn spec(id: &str) -> ApiSpec {
    Catalog::builtin().unwrap().get(id).unwrap().clone()
}

fn creds() -> Credentials {
    Credentials { secret_id: "AKIDEXAMPLE".into(), secret_key: "secret".into(), token: Some("tok".into()) }
}

fn minimal_spec() -> Value {
    json!({
        "product": "demo", "version": "2020-01-01", "action": "Do", "style": "tencent-api3",
        "endpoints": {"default": "demo.tencentcloudapi.com"},
        "methods": ["POST"], "algorithms": ["TC3-HMAC-SHA256"],
        "params": [{"name": "A", "type": "string"}]
    })
}

#[test]
fn bad_specs_are_errors_that_name_the_spot() {
    assert!(ApiSpec::from_json(&minimal_spec().to_string()).is_ok());
    let cases: Vec<(Value, &str)> = vec![
        (json!({"params": [{"name": "A", "type": "string", "requried": true}]}), ""),
        (json!({"params": [{"name": "A", "type": "text"}]}), ""),
        (json!({"algorithms": ["ACS3-HMAC-SHA256"]}), "algorithms[0]"),
        (json!({"algorithms": []}), "algorithms"),
        (json!({"methods": ["PUT"]}), "methods[0]"),
        (json!({"endpoints": {"default": "https://demo.example/x"}}), "endpoints.default"),
        (json!({"endpoints": {"default": "demo.example", "path": "v2"}}), "endpoints.path"),
        (json!({"action": ""}), "action"),
        (json!({"params": [{"name": "A", "type": "int64", "min": 5, "max": 1}]}), "params.A.max"),
        (json!({"params": [{"name": "A", "type": "string", "min": 5}]}), "params.A.min"),
        (json!({"params": [{"name": "A", "type": "array"}]}), "params.A.items"),
        (json!({"params": [{"name": "A", "type": "object", "ref": "Nope"}]}), "params.A.ref"),
        (json!({"params": [{"name": "A", "type": "string"}, {"name": "A", "type": "bool"}]}), "params.A"),
        (json!({"params": [{"name": "", "type": "string"}]}), "params[0]"),
        (json!({"params": [{"name": "A", "type": "string", "allowed": ["x", 3]}]}), "params.A.allowed[1]"),
        (json!({"params": [{"name": "A", "type": "uint64", "default": -1}]}), "params.A.default"),
        (json!({"params": [{"name": "A", "type": "string", "allowed": ["x"], "default": "y"}]}), "params.A.default"),
        (json!({"params": [{"name": "A", "type": "int64", "multiple_of": 0}]}), "params.A.multiple_of"),
        (json!({"content_types": ["text/plain"]}), "content_types[0]"),
        (json!({"rules": [{"when": {"field": "A"}, "require": []}]}), "rules[0]"),
        (json!({"examples": [{"params": [1, 2]}]}), "examples[0].params"),
    ];
    for (patch, path) in cases {
        let mut s = minimal_spec();
        for (k, v) in patch.as_object().unwrap() {
            s[k] = v.clone();
        }
        let err = ApiSpec::from_json(&s.to_string()).expect_err(&patch.to_string());
        assert_eq!(err.kind, ErrorKind::InvalidSpec, "{patch}: {err}");
        assert_eq!(err.path.as_deref().unwrap_or(""), path, "{patch}: {err}");
        assert!(!err.message.is_empty());
    }
    // Nesting past the limit in the spec itself.
    let mut p = json!({"name": "Leaf", "type": "string"});
    for i in 0..40 {
        p = json!({"name": format!("L{i}"), "type": "object", "fields": [p]});
    }
    let mut s = minimal_spec();
    s["params"] = json!([p]);
    let err = ApiSpec::from_json(&s.to_string()).unwrap_err();
    assert!(err.message.contains("deeper than 32"), "{err}");
    // Not JSON at all.
    assert_eq!(ApiSpec::from_json("{").unwrap_err().kind, ErrorKind::InvalidSpec);
    assert!(Catalog::new()
        .add(
            serde_json::from_value({
                let mut s = minimal_spec();
                s["methods"] = json!([]);
                s
            })
            .unwrap()
        )
        .is_err());
}

#[test]
fn parameters_that_are_not_an_object() {
    let hai = Catalog::builtin().unwrap().get(HAI).unwrap().clone();
    for bad in [json!([1, 2]), json!("x"), json!(3), json!(true)] {
        let v = validate(&hai, &bad);
        assert_eq!(v.len(), 1, "{bad}");
        assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("", "InvalidParameter"));
        let err = build(&hai, &bad, &BuildOptions::default()).unwrap_err();
        assert_eq!((err.kind, err.path.as_deref()), (ErrorKind::InvalidField, Some("params")));
    }
    // null is no parameters at all
    assert_eq!(validate(&hai, &Value::Null).len(), 2);
}

#[test]
fn non_json_calls_are_errors() {
    for bad in ["", "{", "{\"api\": 1}", "[]", "{\"api\": \"x\", \"bogus\": 1}"] {
        let err = Call::from_json(bad).unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidJson, "{bad:?}");
    }
    // serde_json's own recursion limit turns absurd nesting into an error, not a stack overflow.
    let deep = format!("{{\"api\": \"x\", \"params\": {{\"A\": {}{}}}}}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(Call::from_json(&deep).unwrap_err().kind, ErrorKind::InvalidJson);
    let ok = Call::from_json(
        r#"{"api": "hai/2023-08-12/RunInstances", "params": {"ApplicationId": "app-1"}, "region": "ap-guangzhou"}"#,
    )
    .unwrap();
    assert_eq!(ok.region.as_deref(), Some("ap-guangzhou"));
}

#[test]
fn deep_nesting_is_cut_off() {
    // A self-referencing structure lets a call nest as deep as it likes; validation stops at 32.
    let mut s = minimal_spec();
    s["params"] = json!([{"name": "Tree", "type": "object", "ref": "Node"}]);
    s["structs"] =
        json!({"Node": [{"name": "Name", "type": "string"}, {"name": "Child", "type": "object", "ref": "Node"}]});
    let spec = ApiSpec::from_json(&s.to_string()).unwrap();
    let mut v = json!({"Name": "leaf"});
    for _ in 0..100 {
        v = json!({"Child": v});
    }
    let params = json!({"Tree": v});
    let out = validate(&spec, &params);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].code, "InvalidParameter");
    assert!(out[0].path.starts_with("Tree.Child.Child."), "{}", out[0].path);
    assert_eq!(out[0].path.matches('.').count(), 32);
    assert!(out[0].message.contains("deeper than 32"));
    let err = build(&spec, &params, &BuildOptions::default()).unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidField);
    assert!(err.message.contains("deeper than 32"));

    // Undeclared values are held to the same limit when they are sent anyway.
    let hai = Catalog::builtin().unwrap().get(HAI).unwrap().clone();
    let mut junk = json!(1);
    for _ in 0..40 {
        junk = json!([junk]);
    }
    let params = json!({"ApplicationId": "app-1", "BundleType": "XL", "Junk": junk});
    for method in ["GET", "POST"] {
        let err =
            build(&hai, &params, &BuildOptions { method: Some(method.into()), ..BuildOptions::default() }).unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidField, "{method}");
    }
}

#[test]
fn huge_arrays_give_bounded_output() {
    let bss = spec(BSS);
    let many: Vec<Value> = (0..100_000).map(|i| json!({"Code": format!("c{i}"), "Value": "v"})).collect();
    let v = validate(&bss, &json!({"ProductCode": "x", "SubscriptionType": "PayAsYouGo", "Parameter": many}));
    assert_eq!(v.len(), 1);
    assert_eq!((v[0].path.as_str(), v[0].code.as_str()), ("Parameter", "InvalidParameter"));

    let junk: Vec<Value> = (0..100_000).map(|_| json!({"Bad": 1})).collect();
    let v = validate(&bss, &json!({"ProductCode": "x", "SubscriptionType": "PayAsYouGo", "Parameter": junk}));
    assert_eq!(v.len(), MAX_VIOLATIONS + 1);
    let last = v.last().unwrap();
    assert_eq!(last.path, "");
    assert!(last.message.contains("More than 100 violations"));
}

#[test]
fn strict_prepare_fails_with_every_violation_and_allow_invalid_signs_anyway() {
    let call = Call::new(HAI, json!({"ApplicationId": "x", "InstanceCount": 0}));
    let mut options = PrepareOptions::at(1_700_000_000);
    let err = prepare(&call, &creds(), &options).unwrap_err();
    assert_eq!(err.kind, ErrorKind::Validation);
    assert_eq!(err.code(), "Validation");
    let paths: Vec<&str> = err.violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["Region", "ApplicationId", "BundleType", "InstanceCount"]);
    assert_eq!(err.path.as_deref(), Some("Region"));
    assert!(err.message.contains("and 3 more violations"), "{}", err.message);

    let as_json = serde_json::to_value(&err).unwrap();
    assert_eq!(as_json["code"], "Validation");
    assert_eq!(as_json["path"], "Region");
    assert_eq!(as_json["violations"].as_array().unwrap().len(), 4);
    assert_eq!(as_json["violations"][1]["code"], "InvalidParameterValue.InvalidApplicationIdMalformed");

    options.allow_invalid = true;
    let p = prepare(&call, &creds(), &options).unwrap();
    assert_eq!(p.violations.len(), 4);
    assert!(p.request.header("Authorization").is_some());
    assert_eq!(p.request.header("X-TC-Token"), Some("tok"));
    assert!(p.request.header("X-TC-Region").is_none());
}

#[test]
fn prepare_and_build_errors_name_the_option() {
    let ok = Call::new(
        PG,
        json!({"RegionId": 1, "ZoneId": 1, "SpecCode": "s", "DBVersion": "9", "Storage": 1, "Number": 1,
        "TimeSpan": 1, "Operator": "o"}),
    );
    let mut o = PrepareOptions::at(1_700_000_000);
    o.nonce = Some("7".into());
    assert!(prepare(&ok, &creds(), &o).is_ok());

    let expect = |call: &Call, o: &PrepareOptions, c: &Credentials, kind: ErrorKind, path: &str| {
        let e = prepare(call, c, o).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (kind, Some(path)), "{e}");
    };
    expect(&Call::new("nope/1/X", json!({})), &o, &creds(), ErrorKind::UnknownApi, "api");
    expect(&ok, &PrepareOptions { nonce: None, ..o.clone() }, &creds(), ErrorKind::MissingField, "options.nonce");
    expect(
        &ok,
        &PrepareOptions { nonce: Some("abc".into()), ..o.clone() },
        &creds(),
        ErrorKind::InvalidField,
        "options.nonce",
    );
    expect(
        &ok,
        &PrepareOptions { algorithm: Some(Algorithm::Acs3HmacSha256), ..o.clone() },
        &creds(),
        ErrorKind::Unsupported,
        "options.algorithm",
    );
    expect(
        &ok,
        &PrepareOptions { method: Some("PUT".into()), ..o.clone() },
        &creds(),
        ErrorKind::Unsupported,
        "options.method",
    );
    expect(
        &ok,
        &PrepareOptions { content_type: Some("application/json".into()), method: Some("POST".into()), ..o.clone() },
        &creds(),
        ErrorKind::Unsupported,
        "options.content_type",
    );
    expect(
        &ok,
        &PrepareOptions { unsigned_payload: true, ..o.clone() },
        &creds(),
        ErrorKind::Unsupported,
        "options.unsigned_payload",
    );
    expect(
        &ok,
        &PrepareOptions { language: Some("fr-FR".into()), ..o.clone() },
        &creds(),
        ErrorKind::InvalidField,
        "options.language",
    );
    expect(
        &ok,
        &PrepareOptions { timestamp: -5, ..o.clone() },
        &creds(),
        ErrorKind::TimestampOutOfRange,
        "options.timestamp",
    );
    let no_key = Credentials { secret_key: String::new(), ..creds() };
    expect(&ok, &o, &no_key, ErrorKind::InvalidField, "credentials.secret_key");
    // Keys and tokens as files and clipboards give them: refused at the field, never quoted.
    for (c, path) in [
        (Credentials { secret_key: "k\n".into(), ..creds() }, "credentials.secret_key"),
        (Credentials { secret_id: "AK ID".into(), ..creds() }, "credentials.secret_id"),
        (Credentials { token: Some("t\r\nX-Evil: 1".into()), ..creds() }, "credentials.token"),
        (Credentials { token: Some(" tok".into()), ..creds() }, "credentials.token"),
    ] {
        let e = prepare(&ok, &c, &o).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidField, Some(path)), "{e}");
        assert!(!e.message.contains("Evil") && !e.message.contains("AK ID"), "{e}");
    }
    let mut with_action = ok.clone();
    with_action.params["Action"] = json!("Other");
    expect(
        &with_action,
        &PrepareOptions { allow_invalid: true, ..o.clone() },
        &creds(),
        ErrorKind::InvalidField,
        "Action",
    );
    let mut bad_host = ok.clone();
    bad_host.endpoint = Some("https://evil.example/path".into());
    expect(&bad_host, &o, &creds(), ErrorKind::InvalidField, "call.endpoint");
}

#[test]
fn hosts_follow_region_and_endpoint() {
    let c = Catalog::builtin().unwrap();
    let host = |call: Call| {
        c.build(&call, &BuildOptions { timestamp: 1, nonce: Some("n".into()), ..BuildOptions::default() }).unwrap().host
    };
    let base = || Call::new(BSS, json!({"ProductCode": "x", "SubscriptionType": "PayAsYouGo"}));
    assert_eq!(host(base()), "business.aliyuncs.com");
    assert_eq!(host(base().with_region("eu-central-1")), "business.ap-southeast-1.aliyuncs.com");
    assert_eq!(host(base().with_region("cn-guangzhou")), "bssopenapi.cn-guangzhou.aliyuncs.com");
    let mut sim = base();
    sim.endpoint = Some("127.0.0.1:8787".into());
    assert_eq!(host(sim), "127.0.0.1:8787");
    let hai = Call::new(HAI, json!({})).with_region("ap-guangzhou");
    assert_eq!(host(hai), "hai.tencentcloudapi.com");
}

#[test]
fn secrets_stay_out_of_debug_output() {
    let o = BuildOptions { token: Some("SESSION-TOKEN-VALUE".into()), ..BuildOptions::default() };
    assert!(!format!("{o:?}").contains("SESSION-TOKEN-VALUE"));
    assert!(!format!("{:?}", creds()).contains("secret\""));
}

#[test]
fn catalog_add_replaces_by_id() {
    let mut c = Catalog::builtin().unwrap();
    let mut hai = c.get(HAI).unwrap().clone();
    hai.title.en = "Replaced".into();
    let old = c.add(hai).unwrap().unwrap();
    assert_eq!(old.title.en, "Create instances");
    assert_eq!(c.len(), 4);
    assert_eq!(c.get(HAI).unwrap().title.en, "Replaced");
    assert_eq!(c.spec("x/y/z").unwrap_err().kind, ErrorKind::UnknownApi);
}

#[test]
fn an_acs3_form_body_says_so_and_signs_it() {
    let spec = cloudplay_core::catalog::builtin_spec("bssopenapi/2017-12-14/CreateInstance").unwrap().unwrap();
    let example = spec.examples[0].clone();
    let call = cloudplay_core::Call::new(spec.id(), example.params);
    let creds = cloudplay_core::Credentials { secret_id: "LTAIform".into(), secret_key: "k".into(), token: None };
    let mut opts = cloudplay_core::PrepareOptions::at(1_700_000_000);
    opts.nonce = Some("n-1".into());
    opts.algorithm = Some(cloudplay_core::Algorithm::Acs3HmacSha256);
    opts.content_type = Some("application/x-www-form-urlencoded".into());
    let p = cloudplay_core::prepare_with_spec(&spec, &call, &creds, &opts).unwrap();
    assert_eq!(p.request.header("content-type"), Some("application/x-www-form-urlencoded"));
    assert!(p.request.body.contains("ProductCode="), "{}", p.request.body);
    assert!(p.trace.signed_headers.as_deref().unwrap().contains("content-type"));
    let payload = cloudplay_core::crypto::sha256_hex(p.request.body.as_bytes());
    assert_eq!(p.request.header("x-acs-content-sha256"), Some(payload.as_str()));
}
