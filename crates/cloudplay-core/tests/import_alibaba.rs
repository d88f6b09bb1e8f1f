//! Import of Alibaba API metadata (aliyun-openapi-meta format): our own small fixture always,
//! and the vendor's BssOpenApi files when `CLOUDPLAY_ALIBABA_META_DIR` or
//! `../shared/reference/alibaba/aliyun-openapi-meta` is present.

mod common;

use std::path::{Path, PathBuf};

use cloudplay_core::import::alibaba::{import_bundle, AlibabaImporter, Lang};
use cloudplay_core::sign::Algorithm;
use cloudplay_core::spec::Location;
use cloudplay_core::{build, validate, BuildOptions, Call, Catalog, Credentials, ParamType, PrepareOptions};
use common::{acs_common, alibaba_meta_dir, business_pairs, pairs, repo_root};
use serde_json::{json, Map, Value};

/// Assembles the import bundle from a directory in the aliyun-openapi-meta layout.
fn bundle(dir: &Path, product: &str, version: &str, entries: &[PathBuf]) -> Value {
    let read = |p: &Path| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let mut actions = Map::new();
    let mut index = Map::new();
    for lang in ["metadatas", "en-US", "zh-CN"] {
        let folder = dir.join(lang).join(product);
        let Ok(listing) = std::fs::read_dir(&folder) else { continue };
        let mut files: Vec<PathBuf> = listing.map(|e| e.unwrap().path()).collect();
        files.sort();
        let mut list = Vec::new();
        for f in files {
            if f.file_name().unwrap() == "version.json" {
                index.insert(lang.into(), read(&f));
            } else if f.extension().is_some_and(|e| e == "json") {
                list.push(read(&f));
            }
        }
        actions.insert(lang.into(), Value::Array(list));
    }
    json!({
        "product": product,
        "version": version,
        "products": entries.iter().map(|p| read(p)).collect::<Vec<_>>(),
        "index": index,
        "actions": actions,
    })
}

fn fixture_bundle() -> String {
    let dir = repo_root().join("tests/fixtures/alibaba");
    bundle(&dir, "demoshop", "2024-01-01", &[dir.join("products.demoshop.json")]).to_string()
}

#[test]
fn the_fixture_imports_one_rpc_action_and_skips_the_rest_with_reasons() {
    let out = import_bundle(&fixture_bundle()).unwrap();
    assert_eq!(out.specs.len(), 1);
    let mut skipped: Vec<(String, String)> = out.skipped.iter().map(|s| (s.action.clone(), s.reason.clone())).collect();
    skipped.sort();
    // ListThings, in the index without a file, is neither imported nor reported.
    assert_eq!(skipped.len(), 2, "{skipped:?}");
    assert_eq!(skipped[0].0, "GetRoute");
    assert!(skipped[0].1.contains("ROA"), "{}", skipped[0].1);
    assert_eq!(skipped[1].0, "Inspect");
    assert!(skipped[1].1.contains("'Any'"), "{}", skipped[1].1);
    assert!(out.specs.iter().all(|s| s.action != "ListThings"));

    let spec = &out.specs[0];
    assert_eq!(spec.id(), "demoshop/2024-01-01/CreateOrder");
    assert_eq!(spec.product_name.en, "Demo Shop", "products.json names the product");
    assert_eq!(spec.description.en, "Places an order for items of the demo shop.");
    assert_eq!(spec.methods, ["POST", "GET"]);
    assert_eq!(spec.algorithms, [Algorithm::Acs3HmacSha256, Algorithm::AcsRpcHmacSha1]);
    assert_eq!(spec.endpoints.default, "demoshop.cn-hangzhou.aliyuncs.com");
    assert_eq!(spec.endpoints.pattern.as_deref(), Some("demoshop.{region}.aliyuncs.com"));
    let ty = |n: &str| spec.param(n).unwrap().ty;
    assert_eq!(
        [
            ty("ItemCode"),
            ty("Quantity"),
            ty("Budget"),
            ty("Gift"),
            ty("Price"),
            ty("Tag"),
            ty("Line"),
            ty("Address"),
            ty("Extra")
        ],
        [
            ParamType::String,
            ParamType::Int64,
            ParamType::Int64,
            ParamType::Bool,
            ParamType::Float,
            ParamType::Array,
            ParamType::Array,
            ParamType::Object,
            ParamType::String
        ]
    );
    assert_eq!(spec.param("Quantity").unwrap().max, Some(i32::MAX.into()), "Integer is 32-bit");
    assert!(spec.param("Budget").unwrap().max.is_none(), "Long is 64-bit");
    assert_eq!(spec.param("Note").unwrap().location, Some(Location::Body));
    let quantity = spec.param("Quantity").unwrap();
    assert!(quantity.doc.zh.contains("1 到 50"));
    // "Valid values: 1 to 50" is prose: no range is made up from it.
    assert_eq!(quantity.min, Some(i32::MIN.into()));
}

#[test]
fn fixture_action_validates_and_builds_1_based() {
    let out = import_bundle(&fixture_bundle()).unwrap();
    let spec = &out.specs[0];
    let params = json!({
        "ItemCode": "book",
        "Quantity": 2,
        "Gift": true,
        "Price": 9.5,
        "Tag": ["a", "b c"],
        "Line": [{"Sku": "s1", "Count": 1}, {"Sku": "s2"}],
        "Address": {"City": "Hangzhou"},
        "Extra": "{\"k\":1}",
        "Note": "leave at door"
    });
    assert_eq!(validate(spec, &params), vec![]);
    let bad = json!({
        "Quantity": 2147483648u64,
        "Line": [{"Count": "x"}],
        "Address": {"Zip": "310000"},
        "Extra": "{not json",
        "Gift": "yes"
    });
    let v = validate(spec, &bad);
    let got: Vec<(&str, &str)> = v.iter().map(|x| (x.path.as_str(), x.code.as_str())).collect();
    assert_eq!(
        got,
        [
            ("ItemCode", "MissingParameter"),
            ("Quantity", "InvalidParameter"),
            ("Gift", "InvalidParameter"),
            ("Line[0].Sku", "MissingParameter"),
            ("Line[0].Count", "InvalidParameter"),
            ("Address.City", "MissingParameter"),
            ("Extra", "InvalidParameter"),
        ]
    );

    let options = BuildOptions {
        timestamp: 1_700_000_000,
        nonce: Some("n-1".into()),
        algorithm: Some(Algorithm::AcsRpcHmacSha1),
        method: Some("GET".into()),
        secret_id: Some("LTAIexample".into()),
        ..BuildOptions::default()
    };
    let req = build(spec, &params, &options).unwrap();
    let business = business_pairs(pairs(&req.query), acs_common);
    let want: Vec<(String, String)> = [
        ("Address.City", "Hangzhou"),
        ("Extra", "{\"k\":1}"),
        ("Gift", "true"),
        ("ItemCode", "book"),
        ("Line.1.Count", "1"),
        ("Line.1.Sku", "s1"),
        ("Line.2.Sku", "s2"),
        ("Note", "leave at door"),
        ("Price", "9.5"),
        ("Quantity", "2"),
        ("Tag.1", "a"),
        ("Tag.2", "b c"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    assert_eq!(business, want);
    assert!(req.query.contains("Tag.2=b%20c"), "RFC 3986 encoding: {}", req.query);

    // On a POST the Body parameter moves into a form body; the rest stay in the query.
    let post = build(spec, &params, &BuildOptions { method: Some("POST".into()), ..options.clone() }).unwrap();
    assert_eq!(post.body, "Note=leave%20at%20door");
    assert_eq!(post.header("Content-Type"), Some("application/x-www-form-urlencoded"));
    assert!(!post.query.contains("Note="));
}

#[test]
fn the_importer_also_takes_files_one_by_one() {
    let dir = repo_root().join("tests/fixtures/alibaba");
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    let mut imp = AlibabaImporter::new("demoshop", "2024-01-01").unwrap();
    imp.action(&read("zh-CN/demoshop/CreateOrder.json"), Some(Lang::Zh)).unwrap();
    let out = imp.finish().unwrap();
    assert_eq!(out.specs.len(), 1);
    // Without a products entry the generic host is used.
    assert_eq!(out.specs[0].endpoints.default, "demoshop.aliyuncs.com");
    assert_eq!(out.specs[0].param("ItemCode").unwrap().doc.zh, "要订购的商品代码。");

    let mut imp = AlibabaImporter::new("demoshop", "2024-01-01").unwrap();
    assert!(imp.version_index(r#"{"version": "2020-01-01", "apis": {}}"#, Some(Lang::En)).is_err(), "version mismatch");
    assert!(imp.action("{}", None).is_err(), "an action file needs a name");
    assert!(imp.action("not json", None).is_err());
    assert!(AlibabaImporter::new("../etc", "2024-01-01").is_err());
}

#[test]
fn a_products_entry_that_names_a_host_other_than_an_api_endpoint_is_refused_at_its_place() {
    // Requests signed for an imported API go to the hosts its entry names, with the session
    // token: a bucket (customers own those), another site, or an address is not taken.
    let cases = [
        (json!({"global_endpoint": "attacker-bucket.oss-cn-hangzhou.aliyuncs.com"}), "products.global_endpoint"),
        (json!({"regional_endpoints": {"cn-hangzhou": "evil.example.com"}}), "products.regional_endpoints.cn-hangzhou"),
        (
            json!({"endpoints": {"cn-beijing": {"public": "123.cn-beijing.fc.aliyuncs.com"}}}),
            "products.endpoints.cn-beijing.public",
        ),
        (json!({"global_endpoint": "127.0.0.1"}), "products.global_endpoint"),
        // Capitals change nothing: still a bucket.
        (
            json!({"endpoints": {"cn-hangzhou": {"public": "attacker.OSS-cn-hangzhou.aliyuncs.com"}}}),
            "products.endpoints.cn-hangzhou.public",
        ),
    ];
    for (entry, path) in cases {
        let mut imp = AlibabaImporter::new("demoshop", "2024-01-01").unwrap();
        let e = imp.product_entry(&entry.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{entry}");
        assert!(e.message.contains("is not an Alibaba Cloud API host"), "{}", e.message);
    }
    let mut imp = AlibabaImporter::new("demoshop", "2024-01-01").unwrap();
    imp.product_entry(r#"{"regional_endpoints": {"cn-hangzhou": "Demoshop.CN-Hangzhou.aliyuncs.com."}}"#).unwrap();
    let read = |p: &str| std::fs::read_to_string(repo_root().join("tests/fixtures/alibaba").join(p)).unwrap();
    imp.action(&read("zh-CN/demoshop/CreateOrder.json"), Some(Lang::Zh)).unwrap();
    assert_eq!(imp.finish().unwrap().specs[0].endpoints.default, "demoshop.cn-hangzhou.aliyuncs.com");
}

#[test]
fn bad_bundles_are_errors_not_panics() {
    for bad in [
        "",
        "[]",
        "{}",
        r#"{"product": "x", "version": "2024-01-01"}"#,
        r#"{"product": "x", "version": "2024-01-01", "actions": {"fr-FR": []}}"#,
        r#"{"product": "x", "version": "2024-01-01", "actions": {"metadatas": {}}}"#,
    ] {
        assert!(import_bundle(bad).is_err(), "{bad:?}");
    }
    // A language the bundle cannot hold is named with the ones it can.
    let e = import_bundle(r#"{"product": "x", "version": "2024-01-01", "actions": {"fr-FR": []}}"#).unwrap_err();
    assert_eq!(e.path.as_deref(), Some("actions.fr-FR"));
    assert!(
        e.message.contains("metadatas") && e.message.contains("en-US") && e.message.contains("zh-CN"),
        "{}",
        e.message
    );
    // Action files given as a list, not by language: told the shape.
    let e = import_bundle(r#"{"product": "x", "version": "2024-01-01", "actions": [{"name": "A"}]}"#).unwrap_err();
    assert!(e.path.as_deref() == Some("actions") && e.message.contains("metadatas"), "{e:?}");
    // An unreadable action file is skipped, named by its place in the bundle; the rest import.
    let out = import_bundle(r#"{"product": "x", "version": "2024-01-01", "actions": {"metadatas": [{"name": "A", "method": "POST", "pathPattern": "", "parameters": []}, {}, {"name": "B", "parameters": 1}]}}"#)
        .unwrap();
    assert_eq!(out.specs.len(), 1);
    let skipped: Vec<&str> = out.skipped.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(skipped, ["actions.metadatas[1]", "B"], "{:?}", out.skipped);
    assert!(out.skipped[0].reason.contains("name"), "{:?}", out.skipped);
    assert!(out.skipped[1].reason.starts_with("B.parameters: must be a list"), "{:?}", out.skipped);
    let e = import_bundle(r#"{"product": 5, "version": "2024-01-01", "actions": {}}"#).unwrap_err();
    assert_eq!((e.path.as_deref(), e.message.as_str()), (Some("product"), "must be a string"));
    // No action file at all is a slip, not an import of nothing.
    for actions in [r#"{}"#, r#"{"metadatas": []}"#, r#"{"en-US": [], "zh-CN": []}"#] {
        let e = import_bundle(&format!(r#"{{"product": "x", "version": "2024-01-01", "actions": {actions}}}"#))
            .unwrap_err();
        assert!(
            e.path.as_deref() == Some("actions") && e.message.starts_with("holds no action file"),
            "{actions}: {e:?}"
        );
    }
    // Sub-parameters nested past the limit are refused for that action, not followed forever.
    let mut p = json!({"name": "Leaf", "type": "String"});
    for i in 0..40 {
        p = json!({"name": format!("L{i}"), "type": "Struct", "sub_parameters": [p]});
    }
    let deep = json!({"product": "x", "version": "2024-01-01",
        "actions": {"metadatas": [{"name": "Deep", "method": "POST", "pathPattern": "", "parameters": [p]}]}});
    let out = import_bundle(&deep.to_string()).unwrap();
    assert!(out.specs.is_empty());
    assert!(out.skipped[0].reason.contains("deeper"), "{:?}", out.skipped);
}

#[test]
fn vendor_bssopenapi_metadata_when_present() {
    let Some(dir) = alibaba_meta_dir() else {
        eprintln!("aliyun-openapi-meta not present; set CLOUDPLAY_ALIBABA_META_DIR to test the vendor files");
        return;
    };
    let extracts = dir.join("extracts");
    let entries: Vec<PathBuf> = ["metadatas", "en-US", "zh-CN"]
        .iter()
        .map(|l| extracts.join(format!("products.{l}.BssOpenApi.json")))
        .filter(|p| p.is_file())
        .collect();
    let text = bundle(&dir, "bssopenapi", "2017-12-14", &entries).to_string();
    let mut catalog = Catalog::new();
    let report = catalog.import_alibaba_meta(&text).unwrap();
    assert_eq!(report.added, ["bssopenapi/2017-12-14/CreateInstance"]);
    // version.json lists 94 actions; only CreateInstance has its files here, and the other 93
    // are not news.
    assert_eq!(report.skipped, []);
    let spec = catalog.get("bssopenapi/2017-12-14/CreateInstance").unwrap();
    let required: Vec<&str> = spec.params.iter().filter(|p| p.required).map(|p| p.name.as_str()).collect();
    assert_eq!(required, ["ProductCode", "SubscriptionType"]);
    assert_eq!(spec.param("PricingCycle").unwrap().ty, ParamType::Int64);
    assert!(spec.param("Parameter").unwrap().items.as_ref().unwrap().fields.iter().all(|f| f.required));
    assert!(spec.param("SubscriptionType").unwrap().allowed.is_empty(), "values stay prose");
    assert!(spec.param("RenewalStatus").unwrap().doc.zh.contains("ManualRenewal"));
    assert_eq!(spec.endpoints.default, "business.aliyuncs.com");
    assert_eq!(
        spec.endpoints.regions.get("eu-central-1").map(String::as_str),
        Some("business.ap-southeast-1.aliyuncs.com")
    );
    assert_eq!(spec.endpoints.pattern.as_deref(), Some("bssopenapi.{region}.aliyuncs.com"));

    // Round trip with the seed's example: the imported spec validates it clean and builds the
    // same business parameters as the built-in spec does.
    let builtin = Catalog::builtin().unwrap();
    let seed = builtin.get("bssopenapi/2017-12-14/CreateInstance").unwrap();
    let example = &seed.examples[0].params;
    assert_eq!(validate(spec, example), vec![]);
    let options = BuildOptions { timestamp: 1_700_000_000, nonce: Some("abc".into()), ..BuildOptions::default() };
    let imported_req = build(spec, example, &options).unwrap();
    let seed_req = build(seed, example, &options).unwrap();
    assert_eq!(
        business_pairs(pairs(&imported_req.query), acs_common),
        business_pairs(pairs(&seed_req.query), acs_common)
    );
    assert!(imported_req.query.contains("Parameter.1.Code=InstanceType"));

    let call = Call::new(spec.id(), example.clone()).with_region("cn-shanghai");
    let creds = Credentials { secret_id: "LTAIexample".into(), secret_key: "secret".into(), token: None };
    let mut opts = PrepareOptions::at(1_700_000_000);
    opts.nonce = Some("abc".into());
    let p = catalog.prepare(&call, &creds, &opts).unwrap();
    assert_eq!(p.trace.algorithm, Algorithm::Acs3HmacSha256);
    assert!(p
        .request
        .header("Authorization")
        .unwrap()
        .starts_with("ACS3-HMAC-SHA256 Credential=LTAIexample,SignedHeaders=host;x-acs-action;"));
}
