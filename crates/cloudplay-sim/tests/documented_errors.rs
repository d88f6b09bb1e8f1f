//! Every error code documented on the four seed pages, reached through signed requests. Codes
//! that describe conditions of the vendor's own back end (InternalError, DBConnectError, …) are
//! asked for with the fault header; every other code is reached by what the request says or
//! which account sends it.

mod common;

use cloudplay_core::{Algorithm, ApiSpec, Catalog};
use cloudplay_sim::{Profile, Simulator, FAULT_HEADER, UNKNOWN_FAULT};
use common::*;
use serde_json::{json, Value};

fn ms(params: Value) -> Value {
    let mut base = json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 2});
    base.as_object_mut().unwrap().extend(params.as_object().unwrap().clone());
    base
}

fn hai(params: Value) -> Value {
    let mut base = json!({"ApplicationId": "app-jknfna", "BundleType": "S", "SystemDisk": {"DiskType": "CLOUD_PREMIUM", "DiskSize": 250}});
    base.as_object_mut().unwrap().extend(params.as_object().unwrap().clone());
    base
}

fn pg(params: Value) -> Value {
    let mut base = json!({
        "RegionId": 1, "ZoneId": 100002, "ProjectId": 0, "SpecCode": "cdb.pg.c1.1g", "DBVersion": "9.3.5",
        "Storage": 10, "Number": 1, "TimeSpan": 10, "TimeUnit": "m", "Operator": "120000746388"
    });
    base.as_object_mut().unwrap().extend(params.as_object().unwrap().clone());
    base
}

fn bss(params: Value) -> Value {
    let mut base = json!({"ProductCode": "oss", "SubscriptionType": "Subscription", "Period": 12});
    base.as_object_mut().unwrap().extend(params.as_object().unwrap().clone());
    base
}

fn spec(id: &str) -> ApiSpec {
    Catalog::builtin().unwrap().get(id).unwrap().clone()
}

/// The codes a test reached, checked against the page's list at the end of each test.
fn assert_covers(id: &str, reached: &[&str]) {
    for e in &spec(id).errors {
        assert!(reached.contains(&e.code.as_str()), "{id}: documented code {} is not reached", e.code);
    }
}

fn with_fault(mut req: cloudplay_core::HttpRequest, code: &str) -> cloudplay_core::HttpRequest {
    // The fault header is not signed (TC3 signs content-type;host), so adding it keeps the signature.
    req.headers.push((FAULT_HEADER.into(), code.into()));
    req
}

#[test]
fn ms_codes() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let mut reached = vec![];
    let a = expect_code(&mut sim, &signed(MS, ms(json!({"Pid": "not-a-number"})), &c), "InvalidParameter");
    assert!(a.message().contains("Pid"), "{}", a.message());
    reached.push("InvalidParameter");
    expect_code(&mut sim, &signed(MS, ms(json!({"ResourceNum": 101})), &c), "LimitExceeded");
    reached.push("LimitExceeded");
    let a = expect_code(&mut sim, &signed(MS, ms(json!({"Pid": 1})), &c), "ResourceUnavailable.NotFound");
    assert!(a.message().contains("13624"));
    reached.push("ResourceUnavailable.NotFound");
    expect_code(
        &mut sim,
        &signed(MS, ms(json!({})), &creds(Profile::NotAllowListed)),
        "UnauthorizedOperation.NotWhiteUser",
    );
    reached.push("UnauthorizedOperation.NotWhiteUser");
    for code in ["InternalError", "InternalError.ServerError", "UnauthorizedOperation"] {
        expect_code(&mut sim, &with_fault(signed(MS, ms(json!({})), &c), code), code);
        reached.push(code);
    }
    assert_covers(MS, &reached);
}

#[test]
fn ms_quota_is_per_account_and_counts_what_was_created() {
    let mut sim = Simulator::new();
    let c = ordinary();
    for _ in 0..2 {
        let a = expect_ok(&mut sim, &signed(MS, ms(json!({"ResourceNum": 100})), &c));
        assert_eq!(a.body["Response"]["ResourceSet"].as_array().unwrap().len(), 100);
    }
    let a = expect_code(&mut sim, &signed(MS, ms(json!({"ResourceNum": 1})), &c), "LimitExceeded");
    assert!(a.message().contains("0 of 200"), "{}", a.message());
    expect_ok(&mut sim, &signed(MS, ms(json!({"ResourceNum": 1})), &temporary()));
}

#[test]
fn postgres_codes() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let mut reached = vec![];
    for bad in [
        json!({"ZoneId": 200001}),
        json!({"RegionId": "one"}),
        json!({"RegionId": 2}),
        json!({"SpecCode": "cdb.pg.huge"}),
        json!({"Number": 11}),
    ] {
        let a = expect_code(&mut sim, &signed(PG, pg(bad.clone()), &c), "ParamsAssertError");
        assert!(a.body["Response"]["RequestId"].is_string(), "{bad}: {}", a.body);
        if bad.get("ZoneId").is_some() {
            let want = "ZoneId 200001 is not a zone of region 1; its zones: [100001, 100002, 100003].";
            assert_eq!(a.message(), want);
        }
        if bad["RegionId"] == 2 {
            assert_eq!(a.message(), "RegionId 2 is not a region id; known: 1, 4, 8.");
        }
    }
    reached.push("ParamsAssertError");
    // An action the service does not have, and a version it does not have.
    for (from, to) in
        [("Action=CreateResource", "Action=CreateResources"), ("Version=2017-03-12", "Version=2019-01-01")]
    {
        let mut req = signed_alg(PG, pg(json!({})), &c, Algorithm::TcHmacSha256, "GET");
        assert!(req.query.contains(from));
        req.query = req.query.replace(from, to);
        resign(&mut req, Algorithm::TcHmacSha256, "postgres", &c);
        expect_code(&mut sim, &req, "Wrapper.InterfaceNameNotFound");
    }
    reached.push("Wrapper.InterfaceNameNotFound");
    for code in ["SystemError", "DBConnectError", "OssError"] {
        expect_code(&mut sim, &with_fault(signed(PG, pg(json!({})), &c), code), code);
        reached.push(code);
    }
    assert_covers(PG, &reached);
}

#[test]
fn hai_codes() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let mut reached = vec![];
    let cases: Vec<(Value, &str)> = vec![
        (json!({"ApplicationId": "app-zzzzzz"}), "InvalidParameterValue.ApplicationIdNotFound"),
        (json!({"ApplicationId": "jknfna"}), "InvalidParameterValue.InvalidApplicationIdMalformed"),
        (json!({"ApplicationId": "app-Not_Valid"}), "InvalidParameterValue.InvalidApplicationIdMalformed"),
        (json!({"BundleType": "XXXL"}), "InvalidParameterValue.BundleTypeNotFound"),
        (
            json!({"ApplicationId": "app-llm70b00"}),
            "InvalidParameterValue.DiskSizeMustLargerThanApplicationMinRequiredSize",
        ),
        (json!({"InstanceName": "n".repeat(129)}), "InvalidParameterValue.InstanceNameTooLong"),
        (json!({"InstanceCount": 11}), "InvalidParameterValue.InvalidInstanceCount"),
        (json!({"InstanceCount": 0}), "InvalidParameterValue.InvalidInstanceCount"),
        (json!({"SubnetId": "subnet-a1b2c3d4"}), "InvalidParameterValue.SubnetMustCoexistWithVpc"),
        (json!({"VpcId": "vpc-00000000"}), "InvalidParameterValue.VpcNotFound"),
        (json!({"VpcId": "vpc-a1b2c3d4", "SubnetId": "subnet-00000000"}), "InvalidParameterValue.SubnetNotFound"),
        (json!({"BundleType": "3XL"}), "ResourceInsufficient.BundleInventoryShortage"),
    ];
    for (params, code) in cases {
        expect_code(&mut sim, &signed(HAI, hai(params), &c), code);
        reached.push(code);
    }
    // The bundle types the vendor's metadata lists are in stock (3XL aside, sold out above),
    // and so is the seed page's own example S.
    // (A simulator of their own: these would pass the 20 requests a second this one allows.)
    let mut stocked = Simulator::new();
    for bundle in ["S", "XL", "XL_2X", "3XL_2X", "4XL", "24GB_A"] {
        let a = send(&mut stocked, &signed(HAI, hai(json!({"BundleType": bundle})), &c));
        assert_eq!(a.code(), None, "{bundle}: {}", a.body);
    }
    expect_code(
        &mut sim,
        &signed(HAI, hai(json!({})), &creds(Profile::Arrears)),
        "FailedOperation.ArrearsAccountCannotRunInstances",
    );
    reached.push("FailedOperation.ArrearsAccountCannotRunInstances");
    expect_code(
        &mut sim,
        &signed(HAI, hai(json!({})), &creds(Profile::NotAllowListed)),
        "UnauthorizedOperation.UnauthorizedUser",
    );
    reached.push("UnauthorizedOperation.UnauthorizedUser");
    let faults = [
        "InternalError",
        "InvalidParameterValue.InvalidChargeType",
        "InvalidParameterValue.InvalidChargeTypeAndTimeUnit",
        "InvalidParameterValue.SecurityGroupNotFound",
        "LimitExceeded.SecurityGroupLimitExceeded",
        "LimitExceeded.VpcLimitExceeded",
        "UnauthorizedOperation.GetRoleError",
        "UnauthorizedOperation.UnauthorizedNetworkUser",
    ];
    for code in faults {
        expect_code(&mut sim, &with_fault(signed(HAI, hai(json!({})), &c), code), code);
        reached.push(code);
    }
    assert_covers(HAI, &reached);
    assert!(sim.state().resources().next().is_none(), "no failed request created anything");
}

#[test]
fn bss_codes_with_their_documented_statuses() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let mut reached = vec![];
    let a =
        expect_code(&mut sim, &signed(BSS, bss(json!({})), &creds(Profile::Arrears)), "INSUFFICIENT.AVAILABLE.QUOTA");
    assert_eq!((a.status, a.body["Success"].clone()), (200, json!(false)), "documented as HTTP 200");
    reached.push("INSUFFICIENT.AVAILABLE.QUOTA");
    let a = expect_code(&mut sim, &signed(BSS, bss(json!({"OwnerId": "1"})), &c), "InvalidOwner");
    assert_eq!(a.status, 400);
    reached.push("InvalidOwner");
    let owner = sim.accounts().get(&c.secret_id).unwrap().owner_id.clone();
    expect_ok(&mut sim, &signed(BSS, bss(json!({"OwnerId": owner})), &c));
    for product in ["ecs", "nosuchproduct"] {
        let a = expect_code(&mut sim, &signed(BSS, bss(json!({"ProductCode": product})), &c), "400");
        assert_eq!(a.status, 400);
    }
    // The seed's own example orders rds and documents a success.
    expect_ok(&mut sim, &signed(BSS, bss(json!({"ProductCode": "rds"})), &c));
    reached.push("400");
    let a = expect_code(
        &mut sim,
        &signed(BSS, bss(json!({})), &creds(Profile::IncompleteInformation)),
        "ORDER.ACCOUNT_INFORMATION_INCOMPLETE",
    );
    assert_eq!(a.status, 400);
    reached.push("ORDER.ACCOUNT_INFORMATION_INCOMPLETE");
    for (code, status) in [("ORDER.ACCOUNT_STATUS_ILLEGAL", 400), ("InternalError", 500)] {
        let a = expect_code(&mut sim, &with_fault(signed(BSS, bss(json!({})), &c), code), code);
        assert_eq!(a.status, status, "{code}");
        for field in ["RequestId", "HostId", "Code", "Message", "Recommend"] {
            assert!(a.body[field].is_string(), "{field} in {}", a.body);
        }
        reached.push(code);
    }
    assert_covers(BSS, &reached);
}

#[test]
fn bss_subscription_rules_are_enforced() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let a = expect_code(
        &mut sim,
        &signed(BSS, json!({"ProductCode": "oss", "SubscriptionType": "Subscription"}), &c),
        "MissingParameter",
    );
    assert!(a.message().contains("Period") && a.status == 400, "{}", a.body);
    let a = expect_code(&mut sim, &signed(BSS, bss(json!({"Period": 18})), &c), "InvalidParameter");
    assert!(a.message().contains("multiple of 12"), "{}", a.message());
    expect_code(&mut sim, &signed(BSS, bss(json!({"SubscriptionType": "Monthly"})), &c), "InvalidParameter");
    expect_code(&mut sim, &signed(BSS, bss(json!({"RenewalStatus": "AutoRenewal"})), &c), "MissingParameter");
    expect_ok(&mut sim, &signed(BSS, json!({"ProductCode": "oss", "SubscriptionType": "PayAsYouGo"}), &c));
    let a =
        expect_ok(&mut sim, &signed(BSS, bss(json!({"Parameter": [{"Code": "InstanceType", "Value": "disk"}]})), &c));
    assert_eq!(a.body["Code"], "Success");
    assert_eq!(a.body["Success"], true);
    let order = a.body["Data"]["OrderId"].as_str().unwrap();
    assert!(order.len() == 15 && order.starts_with("2025") && order.bytes().all(|b| b.is_ascii_digit()), "{order}");
    assert!(a.body["Data"]["InstanceId"].as_str().unwrap().starts_with("OSSBAG-cn-"));
}

#[test]
fn an_undocumented_fault_is_refused_with_the_list_in_a_code_no_vendor_answers() {
    let mut sim = Simulator::new();
    let a = expect_code(&mut sim, &with_fault(signed(MS, ms(json!({})), &ordinary()), "NoSuchCode"), UNKNOWN_FAULT);
    for code in ["UnauthorizedOperation.NotWhiteUser", "RequestLimitExceeded", "InternalError"] {
        assert!(a.message().contains(code), "{}", a.message());
    }
    let a = expect_code(&mut sim, &with_fault(signed(BSS, bss(json!({})), &ordinary()), "Throtling"), UNKNOWN_FAULT);
    assert_eq!(a.status, 400);
}

/// The gateway's throttling and an internal error, which no seed page lists but every API can
/// answer, are there to test a caller's retries.
#[test]
fn throttling_and_internal_errors_can_be_asked_for_on_every_api() {
    let mut sim = Simulator::new();
    let c = ordinary();
    for (api, params) in [(HAI, hai(json!({}))), (MS, ms(json!({})))] {
        expect_code(
            &mut sim,
            &with_fault(signed(api, params.clone(), &c), "RequestLimitExceeded"),
            "RequestLimitExceeded",
        );
        let a = expect_code(&mut sim, &with_fault(signed(api, params, &c), "InternalError"), "InternalError");
        assert!(a.message().contains(FAULT_HEADER), "{}", a.message());
    }
    let a = expect_code(&mut sim, &with_fault(signed(BSS, bss(json!({})), &c), "Throttling"), "Throttling");
    assert_eq!((a.status, a.response.header("x-acs-retry-after")), (400, Some("1000")));
    let a = expect_code(&mut sim, &with_fault(signed(BSS, bss(json!({})), &c), "InternalError"), "InternalError");
    assert_eq!(a.status, 500);
    // API 2.0's gateway answers throttling as its common code 4400, asked for by either name;
    // it has no InternalError.
    for name in ["4400", "RequestLimitExceeded"] {
        expect_code(&mut sim, &with_fault(signed(PG, pg(json!({})), &c), name), "4400");
    }
    let a = expect_code(&mut sim, &with_fault(signed(PG, pg(json!({})), &c), "InternalError"), UNKNOWN_FAULT);
    let offered = a.message().split_once("can ask for").map(|(_, list)| list.to_string()).unwrap_or_default();
    assert!(!offered.contains("InternalError") && offered.contains("SystemError, "), "{}", a.message());
    // Asked for, throttling says so, whatever the rate limit (off, as a test suite runs it).
    sim.set_rate_limit(Some(0));
    let a = expect_code(
        &mut sim,
        &with_fault(signed(HAI, hai(json!({})), &c), "RequestLimitExceeded"),
        "RequestLimitExceeded",
    );
    assert!(a.message().contains(FAULT_HEADER) && !a.message().contains("More than 0"), "{}", a.message());
}
