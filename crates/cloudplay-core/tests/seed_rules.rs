//! Every rule the four seed pages state, as a violation with its exact path and code; the
//! seeds' own examples validate clean and build to their documented wire form.

mod common;

use cloudplay_core::{build, validate_call, ApiSpec, BuildOptions, Call, Catalog, Violation};
use common::{acs_common, business_pairs, pairs, tc_common};
use serde_json::{json, Value};

const MS: &str = "ms/2018-04-08/CreateResourceInstances";
const PG: &str = "postgres/2017-03-12/CreateResource";
const HAI: &str = "hai/2023-08-12/RunInstances";
const BSS: &str = "bssopenapi/2017-12-14/CreateInstance";

fn catalog() -> Catalog {
    Catalog::builtin().expect("built-in specs load")
}

fn check(api: &str, params: Value, region: Option<&str>) -> Vec<Violation> {
    let mut call = Call::new(api, params);
    call.region = region.map(Into::into);
    catalog().validate(&call).unwrap()
}

/// The (path, code) pairs, sorted, for exact comparison.
fn codes(v: &[Violation]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v.iter().map(|v| (v.path.clone(), v.code.clone())).collect();
    out.sort();
    out
}

fn one(path: &str, code: &str) -> Vec<(String, String)> {
    vec![(path.into(), code.into())]
}

fn ms_ok() -> Value {
    json!({"Pid": 12750, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 10})
}

fn pg_ok() -> Value {
    json!({"RegionId": 1, "ZoneId": 100002, "SpecCode": "cdb.pg.c1.1g", "DBVersion": "9.3.5", "Storage": 10,
           "Number": 1, "TimeSpan": 10, "TimeUnit": "m", "Operator": "120000746388"})
}

fn hai_ok() -> Value {
    json!({"ApplicationId": "app-jknfna", "BundleType": "XL"})
}

fn bss_ok() -> Value {
    json!({"ProductCode": "rds", "SubscriptionType": "PayAsYouGo"})
}

fn with(mut base: Value, key: &str, v: Value) -> Value {
    base[key] = v;
    base
}

fn without(mut base: Value, key: &str) -> Value {
    base.as_object_mut().unwrap().remove(key);
    base
}

#[test]
fn the_builtin_catalog_holds_the_four_seeds() {
    let c = catalog();
    let ids: Vec<String> = c.list().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, [MS, PG, HAI, BSS]);
    assert_eq!(c.search("hai").len(), 1);
    assert_eq!(c.search("实例").len(), 3, "postgres, hai and bss mention 实例 in title/description");
    assert_eq!(c.search("BILLING create")[0].id, BSS);
    assert!(c.search("nothing-like-this").is_empty());
    // By vendor and by product name, in either language: what someone who does not know the
    // product code types.
    let ids = |q: &str| c.search(q).into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids("Tencent"), [MS, PG, HAI]);
    assert_eq!(ids("腾讯云"), [MS, PG, HAI]);
    assert_eq!(ids("阿里云"), [BSS]);
    assert_eq!(ids("aliyun create"), [BSS]);
    assert_eq!(ids("PostgreSQL"), [PG]);
    assert_eq!(ids("云数据库 PostgreSQL"), [PG]);
    assert_eq!(ids("移动应用安全"), [MS]);
    assert_eq!(ids("expenses"), [BSS]);
    assert_eq!(ids("tencent 高性能"), [HAI]);
    for spec in c.specs() {
        assert!(
            !spec.product_name.en.is_empty() && !spec.product_name.zh.is_empty(),
            "{} names its product",
            spec.id()
        );
        // Round trip through JSON: the describe payload is the spec itself.
        let text = serde_json::to_string(&**spec).unwrap();
        assert_eq!(&ApiSpec::from_json(&text).unwrap(), &**spec);
    }
}

#[test]
fn search_folds_ascii_case_only() {
    let mut c = catalog();
    let mut spec = (*c.specs()[0]).clone();
    spec.title.en = "Créer une Instance ÉLASTIQUE".into();
    c.add(spec).unwrap();
    let ids = |q: &str| c.search(q).into_iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids("crÉer instance"), Vec::<String>::new(), "É is not folded to é");
    assert_eq!(ids("CRéER INSTANCE élastique"), Vec::<String>::new());
    assert_eq!(ids("CRéER INSTANCE ÉLASTIQUE"), [MS]);
    assert_eq!(ids("créer iNsTaNcE"), [MS]);
}

#[test]
fn seed_examples_validate_clean_and_build_to_the_documented_wire_form() {
    let c = catalog();
    let mut checked = 0;
    for spec in c.specs() {
        assert!(!spec.examples.is_empty(), "{} has no example", spec.id());
        for ex in &spec.examples {
            let call = Call { api: spec.id(), params: ex.params.clone(), region: ex.region.clone(), endpoint: None };
            assert_eq!(validate_call(spec, &call), vec![], "{} example", spec.id());
            let doc = ex.request.as_ref().expect("seed examples document their request");
            let options = BuildOptions {
                timestamp: 1_700_000_000,
                nonce: Some("12345".into()),
                method: Some(doc.method.clone()),
                region: ex.region.clone(),
                ..BuildOptions::default()
            };
            let req = build(spec, &ex.params, &options).unwrap();
            assert_eq!(req.method, doc.method);
            if spec.style == cloudplay_core::ApiStyle::TencentApi3 && doc.method == "POST" {
                let want: Value = serde_json::from_str(&doc.body).unwrap();
                let got: Value = serde_json::from_str(&req.body).unwrap();
                assert_eq!(got, want, "{}", spec.id());
            } else {
                let common = if spec.style.is_tencent() { tc_common } else { acs_common };
                let mut got = pairs(&req.query);
                got.extend(pairs(&req.body));
                assert_eq!(business_pairs(got, common), business_pairs(pairs(&doc.query), common), "{}", spec.id());
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 4);
}

#[test]
fn the_ms_example_query_is_byte_identical() {
    let c = catalog();
    let spec = c.get(MS).unwrap();
    let opts = BuildOptions { timestamp: 1_700_000_000, method: Some("GET".into()), ..BuildOptions::default() };
    let req = build(spec, &ms_ok(), &opts).unwrap();
    assert_eq!(req.query, "Pid=12750&TimeUnit=m&TimeSpan=6&ResourceNum=10");
    assert_eq!(req.header("X-TC-Action"), Some("CreateResourceInstances"));
    assert_eq!(req.header("Content-Type"), Some("application/x-www-form-urlencoded"));
}

// ---- ms CreateResourceInstances ----

#[test]
fn ms_time_unit_is_d_m_or_y() {
    for ok in ["d", "m", "y"] {
        assert_eq!(check(MS, with(ms_ok(), "TimeUnit", json!(ok)), None), vec![]);
    }
    let v = check(MS, with(ms_ok(), "TimeUnit", json!("w")), None);
    assert_eq!(codes(&v), one("TimeUnit", "InvalidParameterValue"));
    assert!(v[0].message.contains("d, m, y"), "{}", v[0].message);
    assert!(v[0].message_zh.contains("不在允许的取值中"), "{}", v[0].message_zh);
    assert_eq!(
        codes(&check(MS, with(ms_ok(), "TimeUnit", json!("M")), None)),
        one("TimeUnit", "InvalidParameterValue")
    );
}

#[test]
fn ms_every_parameter_is_required() {
    for name in ["Pid", "TimeUnit", "TimeSpan", "ResourceNum"] {
        let v = check(MS, without(ms_ok(), name), None);
        assert_eq!(codes(&v), one(name, "MissingParameter"), "{name}");
        // null counts as absent
        assert_eq!(codes(&check(MS, with(ms_ok(), name, Value::Null), None)), one(name, "MissingParameter"));
    }
    let v = check(MS, json!({}), None);
    assert_eq!(v.len(), 4);
}

#[test]
fn ms_integers_are_exact_beyond_2_53_and_typed() {
    // 2^53 + 1 as a JSON number and as a decimal string both validate.
    let big: Value = serde_json::from_str(
        r#"{"Pid": 9007199254740993, "TimeUnit": "m", "TimeSpan": "18446744073709551615", "ResourceNum": 1}"#,
    )
    .unwrap();
    assert_eq!(check(MS, big.clone(), None), vec![]);
    let c = catalog();
    let spec = c.get(MS).unwrap();
    let req = build(spec, &big, &BuildOptions { timestamp: 1_700_000_000, ..BuildOptions::default() }).unwrap();
    // The decimal string goes out as a JSON number, every digit kept.
    assert_eq!(req.body, r#"{"Pid":9007199254740993,"TimeUnit":"m","TimeSpan":18446744073709551615,"ResourceNum":1}"#);

    let cases = [
        (json!(1.5), "InvalidParameter"),
        (json!("12a"), "InvalidParameter"),
        (json!(true), "InvalidParameter"),
        (json!("18446744073709551616"), "InvalidParameterValue"), // u64::MAX + 1
        (json!("-1"), "InvalidParameterValue"),
        (json!(-1), "InvalidParameterValue"),
        (json!(0), "InvalidParameterValue"), // below the chosen minimum 1
        (json!("1".repeat(50)), "InvalidParameterValue"),
    ];
    for (value, code) in cases {
        let v = check(MS, with(ms_ok(), "ResourceNum", value.clone()), None);
        assert_eq!(codes(&v), one("ResourceNum", code), "{value}");
    }
}

#[test]
fn ms_unknown_parameters_are_named() {
    let v = check(MS, with(ms_ok(), "pid", json!(1)), None);
    assert_eq!(codes(&v), one("pid", "UnknownParameter"));
    assert!(v[0].message.contains("did you mean Pid"), "{}", v[0].message);
    let v = check(MS, with(ms_ok(), "Region", json!("ap-guangzhou")), None);
    assert_eq!(codes(&v), one("Region", "UnknownParameter"));
    assert!(v[0].message.contains("common parameter"), "{}", v[0].message);
    // A typo gets the name it was likely meant to be; an unrelated name gets none.
    let v = check(MS, with(ms_ok(), "ResourceNm", json!(1)), None);
    assert_eq!(codes(&v), one("ResourceNm", "UnknownParameter"));
    assert!(v[0].message.ends_with("did you mean ResourceNum?"), "{}", v[0].message);
    assert!(v[0].message_zh.contains("ResourceNum"), "{}", v[0].message_zh);
    let v = check(MS, with(ms_ok(), "Colour", json!(1)), None);
    assert!(v[0].message.ends_with("is not a parameter of this API."), "{}", v[0].message);
}

#[test]
fn a_string_that_is_no_integer_is_shown() {
    let v = check(MS, with(ms_ok(), "ResourceNum", json!("two")), None);
    assert_eq!(codes(&v), one("ResourceNum", "InvalidParameter"));
    assert!(v[0].message.ends_with("got 'two'."), "{}", v[0].message);
}

#[test]
fn a_number_that_lost_its_digits_is_told_apart_from_a_fraction() {
    // 1e23 is what JSON.stringify makes of 99999999999999999999999: an integer whose digits are gone.
    let message = |v: Value| check(MS, with(ms_ok(), "Pid", v), None)[0].message.clone();
    assert!(
        message(json!(1e23)).contains("beyond 2^53") && message(json!(1e23)).contains("decimal string"),
        "{}",
        message(json!(1e23))
    );
    assert!(message(json!(1.5)).ends_with("got a fractional number."), "{}", message(json!(1.5)));
    assert!(message(json!(3.0)).contains("written with a fraction or an exponent"), "{}", message(json!(3.0)));
}

// ---- postgres CreateResource (legacy API 2.0) ----

#[test]
fn postgres_time_unit_defaults_to_m_and_is_sent() {
    assert_eq!(check(PG, without(pg_ok(), "TimeUnit"), None), vec![]);
    let c = catalog();
    let spec = c.get(PG).unwrap();
    let opts = BuildOptions {
        timestamp: 1_700_000_000,
        nonce: Some("42".into()),
        method: Some("GET".into()),
        ..BuildOptions::default()
    };
    let req = build(spec, &without(pg_ok(), "TimeUnit"), &opts).unwrap();
    assert!(pairs(&req.query).contains(&("TimeUnit".into(), "m".into())), "{}", req.query);
    let v = check(PG, with(pg_ok(), "TimeUnit", json!("h")), None);
    assert_eq!(codes(&v), one("TimeUnit", "InvalidParameterValue"));
}

#[test]
fn postgres_required_parameters() {
    for name in ["RegionId", "ZoneId", "SpecCode", "DBVersion", "Storage", "Number", "TimeSpan", "Operator"] {
        assert_eq!(codes(&check(PG, without(pg_ok(), name), None)), one(name, "MissingParameter"), "{name}");
    }
    for name in ["ProjectId", "SubnetId", "VpcId", "MasterIp", "SlaveIp"] {
        assert_eq!(check(PG, without(pg_ok(), name), None), vec![], "{name} is optional");
    }
}

#[test]
fn postgres_ips_are_ipv4() {
    for (name, bad) in
        [("MasterIp", "300.1.1.1"), ("SlaveIp", "10.0.0"), ("MasterIp", "fe80::1"), ("SlaveIp", "010.0.0.1")]
    {
        let v = check(PG, with(pg_ok(), name, json!(bad)), None);
        assert_eq!(codes(&v), one(name, "InvalidParameterValue"), "{name}={bad}");
        assert!(v[0].message.contains("IPv4"));
    }
    assert_eq!(check(PG, with(pg_ok(), "MasterIp", json!("10.207.176.72")), None), vec![]);
}

#[test]
fn postgres_vpc_and_subnet_ids_are_strings_as_real_calls_send_them() {
    assert_eq!(
        check(PG, with(with(pg_ok(), "VpcId", json!("vpc-aq69dabg")), "SubnetId", json!("subnet-h0oaksb9")), None),
        vec![]
    );
    let v = check(PG, with(pg_ok(), "VpcId", json!(1)), None);
    assert_eq!(codes(&v), one("VpcId", "InvalidParameter"));
}

#[test]
fn postgres_counts_are_positive_integers() {
    assert_eq!(codes(&check(PG, with(pg_ok(), "Number", json!(0)), None)), one("Number", "InvalidParameterValue"));
    assert_eq!(codes(&check(PG, with(pg_ok(), "Storage", json!("ten")), None)), one("Storage", "InvalidParameter"));
    assert_eq!(
        codes(&check(PG, with(pg_ok(), "ProjectId", json!(-1)), None)),
        one("ProjectId", "InvalidParameterValue")
    );
}

// ---- hai RunInstances ----

#[test]
fn hai_region_is_required() {
    let v = check(HAI, hai_ok(), None);
    assert_eq!(codes(&v), one("Region", "MissingParameter"));
    assert_eq!(check(HAI, hai_ok(), Some("ap-guangzhou")), vec![]);
    assert_eq!(codes(&check(HAI, hai_ok(), Some("ap guangzhou"))), one("Region", "InvalidParameterValue"));
    // Ids of another form: a city alone, capitals, a zone, the other vendor's.
    for region in ["guangzhou", "AP-GUANGZHOU", "ap-guangzhou-3", "cn-hangzhou", "ap-southeast-1"] {
        let v = check(HAI, hai_ok(), Some(region));
        assert_eq!(codes(&v), one("Region", "InvalidParameterValue"), "{region}");
        assert!(v[0].message.contains(region) && !v[0].message_zh.is_empty(), "{region}: {}", v[0].message);
    }
    assert!(check(HAI, hai_ok(), Some("AP-GUANGZHOU"))[0].message.contains("'ap-guangzhou'"));
    // Each is told the rule it breaks, which holds for any id of its form.
    for (region, rule) in [
        ("mars-1", "end in a name, not a number"),
        ("ap-guangzhou-3", "end in a name"),
        ("cn-hangzhou", "do not begin with 'cn-'"),
    ] {
        let v = check(HAI, hai_ok(), Some(region));
        assert!(v[0].message.contains(rule), "{region}: {}", v[0].message);
    }
    assert_eq!(check(HAI, hai_ok(), Some("ap-shanghai-fsi")), vec![]);
    // ms does not need one
    assert_eq!(check(MS, ms_ok(), None), vec![]);
}

#[test]
fn hai_required_and_app_prefix() {
    let r = Some("ap-guangzhou");
    assert_eq!(codes(&check(HAI, without(hai_ok(), "ApplicationId"), r)), one("ApplicationId", "MissingParameter"));
    assert_eq!(codes(&check(HAI, without(hai_ok(), "BundleType"), r)), one("BundleType", "MissingParameter"));
    let v = check(HAI, with(hai_ok(), "ApplicationId", json!("ap-jknfna")), r);
    assert_eq!(codes(&v), one("ApplicationId", "InvalidParameterValue.InvalidApplicationIdMalformed"));
    assert!(v[0].message.contains("must start with 'app-'"));
}

#[test]
fn hai_system_disk_fields() {
    let r = Some("ap-guangzhou");
    let disk = |d: Value| with(hai_ok(), "SystemDisk", d);
    assert_eq!(check(HAI, disk(json!({"DiskType": "CLOUD_PREMIUM", "DiskSize": 250})), r), vec![]);
    assert_eq!(check(HAI, disk(json!({})), r), vec![], "both fields are optional");
    for (size, code) in [
        (json!(79), "InvalidParameterValue"),
        (json!(1001), "InvalidParameterValue"),
        (json!("big"), "InvalidParameter"),
    ] {
        let v = check(HAI, disk(json!({"DiskType": "CLOUD_PREMIUM", "DiskSize": size})), r);
        assert_eq!(codes(&v), one("SystemDisk.DiskSize", code), "{size}");
    }
    assert_eq!(codes(&check(HAI, disk(json!({"DiskType": 5})), r)), one("SystemDisk.DiskType", "InvalidParameter"));
    assert_eq!(codes(&check(HAI, disk(json!({"DiskNmae": "x"})), r)), one("SystemDisk.DiskNmae", "UnknownParameter"));
    assert_eq!(codes(&check(HAI, disk(json!([1, 2])), r)), one("SystemDisk", "InvalidParameter"));
}

#[test]
fn hai_instance_count_range() {
    let r = Some("ap-guangzhou");
    for n in [1, 10] {
        assert_eq!(check(HAI, with(hai_ok(), "InstanceCount", json!(n)), r), vec![]);
    }
    for n in [json!(0), json!(11), json!(4294967296u64)] {
        let v = check(HAI, with(hai_ok(), "InstanceCount", n.clone()), r);
        assert_eq!(codes(&v), one("InstanceCount", "InvalidParameterValue.InvalidInstanceCount"), "{n}");
    }
}

#[test]
fn hai_instance_name_length_counts_characters() {
    let r = Some("ap-guangzhou");
    assert_eq!(check(HAI, with(hai_ok(), "InstanceName", json!("名".repeat(128))), r), vec![]);
    let v = check(HAI, with(hai_ok(), "InstanceName", json!("名".repeat(129))), r);
    assert_eq!(codes(&v), one("InstanceName", "InvalidParameterValue.InstanceNameTooLong"));
    assert!(v[0].message.contains("129 characters"));
}

#[test]
fn hai_subnet_needs_vpc() {
    let r = Some("ap-guangzhou");
    let v = check(HAI, with(hai_ok(), "SubnetId", json!("subnet-1")), r);
    assert_eq!(codes(&v), one("VpcId", "InvalidParameterValue.SubnetMustCoexistWithVpc"));
    assert!(v[0].message.contains("VpcId is required when SubnetId is given"));
    let both = with(with(hai_ok(), "SubnetId", json!("subnet-1")), "VpcId", json!("vpc-1"));
    assert_eq!(check(HAI, both, r), vec![]);
    assert_eq!(check(HAI, with(hai_ok(), "VpcId", json!("vpc-1")), r), vec![], "a VPC alone is fine");
}

#[test]
fn hai_client_token_and_dry_run() {
    let r = Some("ap-guangzhou");
    assert_eq!(check(HAI, with(hai_ok(), "ClientToken", json!("t".repeat(64))), r), vec![]);
    assert_eq!(
        codes(&check(HAI, with(hai_ok(), "ClientToken", json!("t".repeat(65))), r)),
        one("ClientToken", "InvalidParameterValue")
    );
    assert_eq!(check(HAI, with(hai_ok(), "DryRun", json!(true)), r), vec![]);
    assert_eq!(codes(&check(HAI, with(hai_ok(), "DryRun", json!("True")), r)), one("DryRun", "InvalidParameter"));
}

// ---- bssopenapi CreateInstance ----

#[test]
fn bss_region_ids_have_alibabas_form() {
    for region in ["cn-hangzhou", "ap-southeast-1", "cn-shanghai-finance-1", "us-east-1"] {
        assert_eq!(check(BSS, bss_ok(), Some(region)), vec![], "{region}");
    }
    for region in ["xx", "ap-guangzhou", "CN-HANGZHOU"] {
        let v = check(BSS, bss_ok(), Some(region));
        assert_eq!(codes(&v), one("Region", "InvalidParameter"), "{region}");
    }
    // The legacy Tencent API takes short names too.
    assert_eq!(check(PG, pg_ok(), Some("gz")), vec![]);
}

#[test]
fn bss_required_and_subscription_type() {
    assert_eq!(codes(&check(BSS, without(bss_ok(), "ProductCode"), None)), one("ProductCode", "MissingParameter"));
    assert_eq!(
        codes(&check(BSS, without(bss_ok(), "SubscriptionType"), None)),
        one("SubscriptionType", "MissingParameter")
    );
    let v = check(BSS, with(bss_ok(), "SubscriptionType", json!("Monthly")), None);
    assert_eq!(codes(&v), one("SubscriptionType", "InvalidParameter"));
    // The value given is quoted; the Chinese list is joined the Chinese way.
    assert_eq!(v[0].message, "SubscriptionType = 'Monthly' is not one of: Subscription, PayAsYouGo.");
    assert_eq!(v[0].message_zh, "SubscriptionType 的值 'Monthly' 不在允许的取值中：Subscription、PayAsYouGo。");
}

#[test]
fn bss_period_is_a_multiple_of_12_and_required_for_subscription() {
    let sub = with(bss_ok(), "SubscriptionType", json!("Subscription"));
    assert_eq!(codes(&check(BSS, sub.clone(), None)), one("Period", "MissingParameter"));
    for p in [12, 24, 36] {
        assert_eq!(check(BSS, with(sub.clone(), "Period", json!(p)), None), vec![]);
    }
    let v = check(BSS, with(sub.clone(), "Period", json!(18)), None);
    assert_eq!(codes(&v), one("Period", "InvalidParameter"));
    assert!(v[0].message.contains("not a multiple of 12"), "{}", v[0].message);
    assert!(v[0].message_zh.contains("12 的整数倍"));
    // 6 breaks both the minimum (12) and the multiple rule: both are listed.
    let v = check(BSS, with(sub.clone(), "Period", json!(6)), None);
    assert_eq!(v.len(), 2);
    assert!(v.iter().all(|x| x.path == "Period" && x.code == "InvalidParameter"));
    assert_eq!(codes(&check(BSS, with(sub, "Period", json!(0)), None)), one("Period", "InvalidParameter"));
    // PayAsYouGo does not need a Period
    assert_eq!(check(BSS, bss_ok(), None), vec![]);
}

#[test]
fn bss_renewal() {
    // RenewalStatus defaults to ManualRenewal: absent is fine, and optional defaults are not sent.
    assert_eq!(check(BSS, bss_ok(), None), vec![]);
    let auto = with(bss_ok(), "RenewalStatus", json!("AutoRenewal"));
    assert_eq!(codes(&check(BSS, auto.clone(), None)), one("RenewPeriod", "MissingParameter"));
    assert_eq!(check(BSS, with(auto, "RenewPeriod", json!(12)), None), vec![]);
    assert_eq!(check(BSS, with(bss_ok(), "RenewalStatus", json!("ManualRenewal")), None), vec![]);
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "RenewalStatus", json!("NotRenewal")), None)),
        one("RenewalStatus", "InvalidParameter")
    );
    let c = catalog();
    let spec = c.get(BSS).unwrap();
    assert_eq!(spec.param("RenewalStatus").unwrap().default, Some(json!("ManualRenewal")));
    let opts = BuildOptions { timestamp: 1_700_000_000, nonce: Some("n".into()), ..BuildOptions::default() };
    let req = build(spec, &bss_ok(), &opts).unwrap();
    assert!(!req.query.contains("RenewalStatus"), "{}", req.query);
}

#[test]
fn bss_pricing_cycle() {
    for p in [json!(1), json!(2), json!(3), json!("3")] {
        assert_eq!(check(BSS, with(bss_ok(), "PricingCycle", p.clone()), None), vec![], "{p}");
    }
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "PricingCycle", json!(4)), None)),
        one("PricingCycle", "InvalidParameter")
    );
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "PricingCycle", json!(2.5)), None)),
        one("PricingCycle", "InvalidParameter")
    );
    let c = catalog();
    assert_eq!(c.get(BSS).unwrap().param("PricingCycle").unwrap().default, Some(json!(2)));
}

#[test]
fn bss_parameter_list() {
    let item = |i: usize| json!({"Code": format!("C{i}"), "Value": "v"});
    let list = |n: usize| Value::Array((0..n).map(item).collect());
    assert_eq!(check(BSS, with(bss_ok(), "Parameter", list(100)), None), vec![]);
    let v = check(BSS, with(bss_ok(), "Parameter", list(101)), None);
    assert_eq!(codes(&v), one("Parameter", "InvalidParameter"));
    assert!(v[0].message.contains("at most 100"));
    assert_eq!(codes(&check(BSS, with(bss_ok(), "Parameter", json!([])), None)), one("Parameter", "InvalidParameter"));

    let mut bad = list(5);
    bad[3] = json!({"Value": "v"});
    bad[1] = json!({"Code": "c", "Value": 5});
    bad[4] = json!({"Code": "c", "Value": "v", "Extra": 1});
    let v = check(BSS, with(bss_ok(), "Parameter", bad), None);
    assert_eq!(
        codes(&v),
        vec![
            ("Parameter[1].Value".into(), "InvalidParameter".into()),
            ("Parameter[3].Code".into(), "MissingParameter".into()),
            ("Parameter[4].Extra".into(), "UnknownParameter".into()),
        ]
    );
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "Parameter", json!({"Code": "c"})), None)),
        one("Parameter", "InvalidParameter")
    );
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "Parameter", json!(["x"])), None)),
        one("Parameter[0]", "InvalidParameter")
    );
}

#[test]
fn bss_logistics_is_a_json_string() {
    assert_eq!(check(BSS, with(bss_ok(), "Logistics", json!(r#"{"cityCode":"330100"}"#)), None), vec![]);
    let v = check(BSS, with(bss_ok(), "Logistics", json!("Hangzhou, Zhejiang")), None);
    assert_eq!(codes(&v), one("Logistics", "InvalidParameter"));
    // Where the text stops being JSON, in both languages.
    assert!(
        v[0].message.contains("must hold JSON text") && v[0].message.contains("line 1 column 1"),
        "{}",
        v[0].message
    );
    assert!(v[0].message_zh.contains("第 1 行第 1 列"), "{}", v[0].message_zh);
    // An object is not a string holding JSON.
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "Logistics", json!({"cityCode": "330100"})), None)),
        one("Logistics", "InvalidParameter")
    );
}

#[test]
fn bss_client_token_length() {
    assert_eq!(check(BSS, with(bss_ok(), "ClientToken", json!("x".repeat(64))), None), vec![]);
    assert_eq!(
        codes(&check(BSS, with(bss_ok(), "ClientToken", json!("x".repeat(65))), None)),
        one("ClientToken", "InvalidParameter")
    );
}

// ---- all at once ----

#[test]
fn every_violation_is_reported_at_once_in_both_languages() {
    let params = json!({
        "ApplicationId": "x",
        "SystemDisk": {"DiskSize": 5000, "Bogus": true},
        "InstanceCount": 99,
        "InstanceName": "n".repeat(200),
        "SubnetId": "subnet-1",
        "Extra": 1
    });
    let v = check(HAI, params, None);
    assert_eq!(
        codes(&v),
        vec![
            ("ApplicationId".into(), "InvalidParameterValue.InvalidApplicationIdMalformed".into()),
            ("BundleType".into(), "MissingParameter".into()),
            ("Extra".into(), "UnknownParameter".into()),
            ("InstanceCount".into(), "InvalidParameterValue.InvalidInstanceCount".into()),
            ("InstanceName".into(), "InvalidParameterValue.InstanceNameTooLong".into()),
            ("Region".into(), "MissingParameter".into()),
            ("SystemDisk.Bogus".into(), "UnknownParameter".into()),
            ("SystemDisk.DiskSize".into(), "InvalidParameterValue".into()),
            ("VpcId".into(), "InvalidParameterValue.SubnetMustCoexistWithVpc".into()),
        ]
    );
    for x in &v {
        assert!(!x.message.is_empty() && x.message.is_ascii(), "{x:?}");
        assert!(x.message_zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{x:?}");
    }
}

/// A value past its type's range is told the field's own bound where it has one on that side,
/// and otherwise the type's range in words (not Rust's `0..=`).
#[test]
fn beyond_the_type_the_fields_own_bound_is_said() {
    for v in [json!(-5), json!("-5"), json!("-99999999999999999999999999999999999999999")] {
        let found = check(MS, with(ms_ok(), "TimeSpan", v.clone()), None);
        assert_eq!(found.len(), 1, "{v}: {found:?}");
        assert!(found[0].message.ends_with("is below the minimum 1."), "{v}: {}", found[0].message);
    }
    let found = check(MS, with(ms_ok(), "TimeSpan", json!("18446744073709551616")), None);
    assert!(
        found[0].message.ends_with("is outside what a uint64 holds: 0 to 18446744073709551615."),
        "{}",
        found[0].message
    );
}

#[test]
fn counts_in_messages_are_singular_for_one() {
    let message = |api: &str, params: Value, region: Option<&str>, path: &str| {
        let v = check(api, params, region);
        v.iter().find(|v| v.path == path).unwrap_or_else(|| panic!("{path}: {v:?}")).message.clone()
    };
    let none = message(BSS, with(bss_ok(), "Parameter", json!([])), None, "Parameter");
    assert_eq!(none, "Parameter has 0 items; it needs at least 1.");
    let long =
        message(HAI, with(hai_ok(), "InstanceName", json!("x".repeat(129))), Some("ap-guangzhou"), "InstanceName");
    assert_eq!(long, "InstanceName has 129 characters; it may have at most 128.");
}

#[test]
fn hai_system_disk_takes_the_types_and_the_partition_tccli_states() {
    let disk = |d: Value| check(HAI, with(hai_ok(), "SystemDisk", d), Some("ap-guangzhou"));
    assert!(disk(json!({"DiskType": "CLOUD_HSSD", "DiskSize": 100, "DiskName": "vda2"})).is_empty());
    assert_eq!(codes(&disk(json!({"DiskType": "CLOUD_SSD"}))), one("SystemDisk.DiskType", "InvalidParameterValue"));
}
