//! The gateway's behaviour through `Simulator::handle`: authentication errors per vendor,
//! replay and rate limits, routing by host or by what the request names, envelopes and
//! RequestIds, idempotency, DryRun, and state that is bounded, exportable and deterministic.

mod common;

use cloudplay_core::{Algorithm, Call, Credentials, HttpRequest};
use cloudplay_sim::{Profile, Simulator, Unreadable};
use common::*;
use serde_json::{json, Value};

fn ms_params() -> Value {
    json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 1})
}

fn hai_params(token: Option<&str>) -> Value {
    let mut p = json!({"ApplicationId": "app-jknfna", "BundleType": "XL", "InstanceName": "demo"});
    if let Some(t) = token {
        p["ClientToken"] = t.into();
    }
    p
}

fn bss_params(token: &str) -> Value {
    json!({"ProductCode": "oss", "SubscriptionType": "PayAsYouGo", "ClientToken": token})
}

fn pg_params() -> Value {
    json!({"RegionId": 1, "ZoneId": 100002, "SpecCode": "cdb.pg.c1.1g", "DBVersion": "9.3.5", "Storage": 10, "Number": 2, "TimeSpan": 1, "Operator": "1"})
}

fn wrong_secret(c: &Credentials) -> Credentials {
    Credentials { secret_key: "not-the-secret".into(), ..c.clone() }
}

#[test]
fn tencent3_authentication_errors() {
    let mut sim = Simulator::new();
    let c = ordinary();
    expect_ok(&mut sim, &signed(MS, ms_params(), &c));
    expect_code(&mut sim, &signed(MS, ms_params(), &wrong_secret(&c)), "AuthFailure.SignatureFailure");
    let stranger = Credentials { secret_id: "AKIDnobody".into(), ..c.clone() };
    expect_code(&mut sim, &signed(MS, ms_params(), &stranger), "AuthFailure.SecretIdNotFound");
    let req = signed(MS, ms_params(), &c);
    for late in [NOW + 301, NOW - 301] {
        let a = send_at(&mut sim, &req, late);
        assert_eq!(a.code().as_deref(), Some("AuthFailure.SignatureExpire"));
    }
    assert_eq!(send_at(&mut sim, &req, NOW + 300).code(), None, "300 s is still inside the window");
    let mut broken = req.clone();
    broken.set_header("Authorization", "TC3-HMAC-SHA256 Credential=garbage");
    expect_code(&mut sim, &broken, "AuthFailure.InvalidAuthorization");
    for name in ["X-TC-Timestamp", "X-TC-Action", "X-TC-Version"] {
        let mut m = req.clone();
        m.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        let a = expect_code(&mut sim, &m, "MissingParameter");
        assert!(a.message().contains(name));
    }
    // Session tokens: the temporary key needs its own token and nothing else.
    let t = temporary();
    expect_ok(&mut sim, &signed(MS, ms_params(), &t));
    let forged = Credentials { token: Some("someone-elses-token".into()), ..t.clone() };
    expect_code(&mut sim, &signed(MS, ms_params(), &forged), "AuthFailure.TokenFailure");
    let none = Credentials { token: None, ..t };
    expect_code(&mut sim, &signed(MS, ms_params(), &none), "AuthFailure.TokenFailure");
    // Unsigned payload and GET are accepted as the SDKs send them.
    let mut call = Call::new(MS, ms_params());
    call.region = None;
    let mut o = opts();
    o.unsigned_payload = true;
    expect_ok(&mut sim, &signed_with(call, &c, o));
    expect_ok(&mut sim, &signed_alg(MS, ms_params(), &c, Algorithm::Tc3HmacSha256, "GET"));
}

#[test]
fn tencent_v1_signature_on_api3_answers_in_api3_terms() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let req = signed_alg(HAI, hai_params(None), &c, Algorithm::TcHmacSha256, "POST");
    let a = expect_ok(&mut sim, &req);
    assert_eq!(a.body["Response"]["InstanceIdSet"].as_array().unwrap().len(), 1);
    expect_code(&mut sim, &req, "AuthFailure.SignatureExpire");
    expect_code(
        &mut sim,
        &signed_alg(HAI, hai_params(None), &wrong_secret(&c), Algorithm::TcHmacSha1, "GET"),
        "AuthFailure.SignatureFailure",
    );
}

#[test]
fn legacy_gateway_errors_use_the_api2_common_codes() {
    let mut sim = Simulator::new();
    let c = ordinary();
    for alg in [Algorithm::TcHmacSha1, Algorithm::TcHmacSha256] {
        for method in ["GET", "POST"] {
            let req = signed_alg(PG, pg_params(), &c, alg, method);
            let a = expect_ok(&mut sim, &req);
            let r = &a.body["Response"];
            assert!(r["TaskId"].as_u64().is_some_and(|t| t >= 100_000));
            let ids = r["ResourceIdList"].as_array().unwrap();
            assert_eq!(ids.len(), 2);
            for id in ids {
                let id = id.as_str().unwrap();
                assert!(id.len() == 17 && id.starts_with("postgres-"), "{id}");
            }
            // The same Nonce again is a replay.
            let a = expect_code(&mut sim, &req, "4500");
            assert_eq!(a.body["codeDesc"], "ReplayAttack");
        }
    }
    let a = expect_code(&mut sim, &signed(PG, pg_params(), &wrong_secret(&c)), "4100");
    assert!(a.body["message"].as_str().unwrap().contains("signature"));
    let req = signed(PG, pg_params(), &c);
    assert_eq!(send_at(&mut sim, &req, NOW + 3600).code().as_deref(), Some("4500"));
    let stranger = Credentials { secret_id: "AKIDnobody".into(), ..c };
    expect_code(&mut sim, &signed(PG, pg_params(), &stranger), "4100");
}

#[test]
fn alibaba_authentication_errors_and_statuses() {
    let mut sim = Simulator::new();
    let c = ordinary();
    for alg in [Algorithm::AcsRpcHmacSha1, Algorithm::Acs3HmacSha256] {
        let req = signed_alg(BSS, bss_params(&nonce()), &c, alg, "POST");
        let a = expect_ok(&mut sim, &req);
        assert_eq!(a.response.header("content-type"), Some("application/json;charset=utf-8"));
        let a = expect_code(&mut sim, &req, "SignatureNonceUsed");
        assert_eq!(a.status, 400);
        let a = expect_code(
            &mut sim,
            &signed_alg(BSS, bss_params("t"), &wrong_secret(&c), alg, "POST"),
            "SignatureDoesNotMatch",
        );
        assert_eq!(a.status, 400);
        let (_, sts) = a.message().split_once(':').map(|(x, y)| (x.to_string(), y.to_string())).expect("a colon");
        assert!(
            sts.starts_with(if alg == Algorithm::AcsRpcHmacSha1 { "POST&%2F&" } else { "ACS3-HMAC-SHA256\n" }),
            "{sts}"
        );
        let stranger = Credentials { secret_id: "LTAInobody".into(), ..c.clone() };
        let a = expect_code(
            &mut sim,
            &signed_alg(BSS, bss_params("t"), &stranger, alg, "POST"),
            "InvalidAccessKeyId.NotFound",
        );
        assert_eq!(a.status, 404);
        let fresh = signed_alg(BSS, bss_params("t2"), &c, alg, "POST");
        let a = send_at(&mut sim, &fresh, NOW + 901);
        assert_eq!((a.status, a.code().as_deref()), (400, Some("InvalidTimeStamp.Expired")));
        let a = send_at(&mut sim, &signed_alg(BSS, bss_params("t3"), &c, alg, "POST"), NOW - 900);
        assert_eq!(a.code(), None, "900 s is inside the window");
        let t = temporary();
        expect_ok(&mut sim, &signed_alg(BSS, bss_params(&nonce()), &t, alg, "GET"));
        let forged = Credentials { token: Some("x".into()), ..t };
        expect_code(
            &mut sim,
            &signed_alg(BSS, bss_params("t4"), &forged, alg, "POST"),
            "InvalidSecurityToken.MismatchWithAccessKey",
        );
    }
    let mut broken = signed_alg(BSS, bss_params("t5"), &c, Algorithm::Acs3HmacSha256, "POST");
    broken.set_header("Authorization", "ACS3-HMAC-SHA256 Credential=");
    let a = expect_code(&mut sim, &broken, "IncompleteSignature");
    assert_eq!(a.status, 400);
    let mut unsigned = signed_alg(BSS, bss_params("t6"), &c, Algorithm::AcsRpcHmacSha1, "GET");
    unsigned.query = unsigned.query.split('&').filter(|p| !p.starts_with("Signature=")).collect::<Vec<_>>().join("&");
    expect_code(&mut sim, &unsigned, "IncompleteSignature");
}

#[test]
fn twenty_requests_per_second_per_action_then_the_vendors_throttle_code() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let req = signed(MS, json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 1, "ResourceNum": 1}), &c);
    for _ in 0..20 {
        expect_ok(&mut sim, &req);
    }
    expect_code(&mut sim, &req, "RequestLimitExceeded");
    // Another action, another account and the next second each have their own budget.
    expect_ok(&mut sim, &signed(HAI, hai_params(None), &c));
    expect_ok(&mut sim, &signed(MS, ms_params(), &temporary()));
    assert_eq!(send_at(&mut sim, &req, NOW + 1).code(), None);

    for _ in 0..20 {
        expect_ok(&mut sim, &signed_alg(BSS, bss_params(&nonce()), &c, Algorithm::AcsRpcHmacSha1, "POST"));
    }
    let a = expect_code(
        &mut sim,
        &signed_alg(BSS, bss_params(&nonce()), &c, Algorithm::AcsRpcHmacSha1, "POST"),
        "Throttling",
    );
    assert_eq!(a.status, 400);
    assert!(a.response.header("x-acs-retry-after").is_some());
    for _ in 0..20 {
        expect_ok(&mut sim, &signed(PG, pg_params(), &c));
    }
    expect_code(&mut sim, &signed(PG, pg_params(), &c), "4400");

    let mut unlimited = Simulator::new();
    unlimited.set_rate_limit(Some(0));
    for _ in 0..50 {
        expect_ok(&mut unlimited, &signed(HAI, hai_params(None), &c));
    }
}

#[test]
fn local_endpoints_are_routed_by_what_the_request_names() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let cases: Vec<(&str, Value, Option<Algorithm>, &str)> = vec![
        (MS, ms_params(), None, "/"),
        (HAI, hai_params(None), Some(Algorithm::TcHmacSha256), "/"),
        (PG, pg_params(), None, "/v2/index.php"),
        (BSS, bss_params("x1"), Some(Algorithm::AcsRpcHmacSha1), "/"),
        (BSS, bss_params("x2"), Some(Algorithm::Acs3HmacSha256), "/"),
    ];
    for (api, params, alg, path) in cases {
        let mut call = Call::new(api, params);
        call.endpoint = Some("127.0.0.1:8080".into());
        if api == HAI {
            call.region = Some("ap-guangzhou".into());
        }
        let mut o = opts();
        o.algorithm = alg;
        let req = signed_with(call, &c, o);
        assert_eq!(req.path, path);
        let a = expect_ok(&mut sim, &req);
        assert_eq!(a.outcome.api.as_deref(), Some(api));
    }
    // tencentcloud-sdk-nodejs pointed at 127.0.0.1:PORT signs for the service "127".
    let mut call = Call::new(MS, ms_params());
    call.endpoint = Some("127.0.0.1:8080".into());
    let mut req = signed_with(call, &c, opts());
    resign(&mut req, Algorithm::Tc3HmacSha256, "127", &c);
    assert!(req.header("authorization").unwrap().contains("/127/tc3_request"));
    assert_eq!(expect_ok(&mut sim, &req).outcome.api.as_deref(), Some(MS));
    // Any other service must be the API's: a typo in the scope is not passed over.
    let mut call = Call::new(MS, ms_params());
    call.endpoint = Some("127.0.0.1:8080".into());
    let mut req = signed_with(call, &c, opts());
    resign(&mut req, Algorithm::Tc3HmacSha256, "mss", &c);
    expect_code(&mut sim, &req, "InvalidAction");
    // A service some API has still decides: ms's action under hai's service is not there.
    let mut call = Call::new(MS, ms_params());
    call.endpoint = Some("127.0.0.1:8080".into());
    let mut req = signed_with(call, &c, opts());
    resign(&mut req, Algorithm::Tc3HmacSha256, "hai", &c);
    expect_code(&mut sim, &req, "InvalidAction");
    // At the vendor's host (as a proxy sees it), the host names the service, and a scope for
    // another one cannot match: Tencent derives the key with the endpoint's service.
    for scope in ["cvm", "hai", "mss"] {
        let mut req = signed(MS, ms_params(), &c);
        resign(&mut req, Algorithm::Tc3HmacSha256, scope, &c);
        let message = expect_code(&mut sim, &req, "AuthFailure.SignatureFailure").body["Response"]["Error"]["Message"]
            .to_string();
        assert!(message.contains(&format!("service '{scope}'")) && message.contains("ms/tc3_request"), "{message}");
    }
    // An action the simulator does not have, in each vendor's words.
    let mut req = signed(MS, ms_params(), &c);
    req.set_header("X-TC-Action", "DescribeThings");
    resign(&mut req, Algorithm::Tc3HmacSha256, "ms", &c);
    expect_code(&mut sim, &req, "InvalidAction");
    let mut req = signed(MS, ms_params(), &c);
    req.set_header("X-TC-Version", "2099-01-01");
    resign(&mut req, Algorithm::Tc3HmacSha256, "ms", &c);
    expect_code(&mut sim, &req, "NoSuchVersion");
    let mut req = signed_alg(BSS, bss_params("x3"), &c, Algorithm::AcsRpcHmacSha1, "GET");
    req.query = req.query.replace("Action=CreateInstance", "Action=DeleteEverything");
    resign(&mut req, Algorithm::AcsRpcHmacSha1, "", &c);
    let a = expect_code(&mut sim, &req, "InvalidAction.NotFound");
    assert_eq!(a.status, 404);
}

#[test]
fn tencent_validation_speaks_api3_codes() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let a = expect_code(
        &mut sim,
        &signed(MS, json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 6}), &c),
        "MissingParameter",
    );
    assert!(a.message().contains("ResourceNum"));
    expect_code(
        &mut sim,
        &signed(MS, json!({"Pid": 13624, "TimeUnit": "w", "TimeSpan": 6, "ResourceNum": 1}), &c),
        "InvalidParameterValue",
    );
    let a = expect_code(
        &mut sim,
        &signed(MS, json!({"Pid": 13624, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 1, "Colour": "red"}), &c),
        "UnknownParameter",
    );
    assert!(a.message().contains("Colour"));
    let mut call = Call::new(HAI, hai_params(None));
    call.region = None;
    let a = expect_code(&mut sim, &signed_with(call, &c, opts()), "MissingParameter");
    assert!(a.message().contains("Region"));
    let mut bad_json = signed(MS, ms_params(), &c);
    bad_json.body = "{not json".into();
    resign(&mut bad_json, Algorithm::Tc3HmacSha256, "ms", &c);
    expect_code(&mut sim, &bad_json, "InvalidParameter");
}

#[test]
fn flat_wires_hear_their_list_items_named_as_they_sent_them() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let mut params = bss_params("names");
    params["Parameter"] = json!([{"Code": "InstanceType", "Value": "disk"}, {"Code": "Size"}]);
    for alg in [Algorithm::AcsRpcHmacSha1, Algorithm::Acs3HmacSha256] {
        let req = signed_alg(BSS, params.clone(), &c, alg, "POST");
        let a = expect_code(&mut sim, &req, "MissingParameter");
        assert!(a.message().starts_with("Parameter.2.Value "), "{alg:?}: {}", a.message());
    }
    // Past the documented "N: 1 to 100".
    let mut req = signed_alg(BSS, bss_params("n101"), &c, Algorithm::AcsRpcHmacSha1, "GET");
    req.query.push_str("&Parameter.101.Code=a&Parameter.101.Value=b");
    resign(&mut req, Algorithm::AcsRpcHmacSha1, "", &c);
    let a = expect_code(&mut sim, &req, "InvalidParameter");
    assert!(a.message().contains("numbered 1 to 100"), "{}", a.message());
    // A JSON body keeps the caller's own paths.
    let mut hai = hai_params(None);
    hai["SystemDisk"] = json!({"DiskSize": "big"});
    let a = expect_code(&mut sim, &signed(HAI, hai, &c), "InvalidParameter");
    assert!(a.message().starts_with("SystemDisk.DiskSize "), "{}", a.message());
}

#[test]
fn ids_have_the_vendors_shapes_and_request_ids_are_fresh() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let req = signed(MS, json!({"Pid": 12750, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 5}), &c);
    let a = expect_ok(&mut sim, &req);
    let b = expect_ok(&mut sim, &req);
    assert_ne!(a.request_id(), b.request_id());
    assert_eq!(a.request_id().len(), 36);
    let set = a.body["Response"]["ResourceSet"].as_array().unwrap();
    for (i, id) in set.iter().enumerate() {
        let parts: Vec<&str> = id.as_str().unwrap().split('_').collect();
        assert_eq!(parts[0], "mspro");
        assert_eq!(parts[1], "20250615", "the UTC date of the request");
        assert!(parts[2].len() == 8 && parts[2].bytes().all(|x| x.is_ascii_hexdigit()));
        assert_eq!(parts[3], i.to_string());
    }
    assert_eq!(a.request_id(), a.request_id().to_lowercase());
    let alibaba = expect_ok(&mut sim, &signed(BSS, bss_params("rid"), &c));
    let rid = alibaba.request_id();
    assert_eq!(rid, rid.to_uppercase());
    let legacy = expect_ok(&mut sim, &signed(PG, pg_params(), &c)).request_id();
    assert_eq!(legacy.len(), 36);
    assert_eq!(legacy, legacy.to_uppercase(), "as the postgres seed's example");
    assert_eq!(alibaba.response.header("x-acs-request-id"), Some(rid.as_str()));
}

#[test]
fn client_tokens_make_requests_idempotent_and_dry_runs_create_nothing() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let first = expect_ok(&mut sim, &signed(HAI, hai_params(Some("tok-1")), &c));
    let again = expect_ok(&mut sim, &signed(HAI, hai_params(Some("tok-1")), &c));
    assert_eq!(first.body["Response"]["InstanceIdSet"], again.body["Response"]["InstanceIdSet"]);
    assert_ne!(first.request_id(), again.request_id());
    let other = expect_ok(&mut sim, &signed(HAI, hai_params(Some("tok-2")), &c));
    assert_ne!(first.body["Response"]["InstanceIdSet"], other.body["Response"]["InstanceIdSet"]);
    let elsewhere = expect_ok(&mut sim, &signed(HAI, hai_params(Some("tok-1")), &temporary()));
    assert_ne!(
        first.body["Response"]["InstanceIdSet"], elsewhere.body["Response"]["InstanceIdSet"],
        "tokens are per account"
    );
    assert_eq!(sim.state().resources().count(), 3);

    let mut dry = hai_params(Some("tok-3"));
    dry["DryRun"] = true.into();
    let a = expect_ok(&mut sim, &signed(HAI, dry.clone(), &c));
    assert_eq!(a.body["Response"]["InstanceIdSet"], json!([]));
    assert_eq!(sim.state().resources().count(), 3, "a dry run creates nothing");
    dry["BundleType"] = "3XL".into();
    expect_code(&mut sim, &signed(HAI, dry, &c), "ResourceInsufficient.BundleInventoryShortage");
    let real = expect_ok(&mut sim, &signed(HAI, hai_params(Some("tok-3")), &c));
    assert_eq!(
        real.body["Response"]["InstanceIdSet"].as_array().unwrap().len(),
        1,
        "the dry run did not consume the token"
    );

    let o1 = expect_ok(&mut sim, &signed(BSS, bss_params("order-1"), &c));
    let o2 = expect_ok(&mut sim, &signed_alg(BSS, bss_params("order-1"), &c, Algorithm::AcsRpcHmacSha1, "GET"));
    assert_eq!(o1.body["Data"], o2.body["Data"]);
    let o3 = expect_ok(&mut sim, &signed(BSS, bss_params("order-2"), &c));
    assert_ne!(o1.body["Data"]["OrderId"], o3.body["Data"]["OrderId"]);
}

#[test]
fn same_state_requests_time_and_entropy_give_the_same_answers() {
    let c = ordinary();
    let reqs: Vec<HttpRequest> = vec![
        signed(MS, ms_params(), &c),
        signed(HAI, hai_params(Some("d1")), &c),
        signed(BSS, bss_params("d2"), &c),
        signed(PG, pg_params(), &c),
        signed(MS, ms_params(), &wrong_secret(&c)),
    ];
    let run = |sim: &mut Simulator| -> Vec<String> {
        reqs.iter().enumerate().map(|(i, r)| sim.handle(r, NOW, 42 + i as u64).body).collect()
    };
    let (mut a, mut b) = (Simulator::new(), Simulator::new());
    let first = run(&mut a);
    assert_eq!(first, run(&mut b));
    // Export after the run, import into a fresh simulator: both go on identically.
    let exported = a.export_state();
    let mut c2 = Simulator::new();
    c2.import_state(&exported).unwrap();
    assert_eq!(c2.export_state(), exported);
    let next = signed(HAI, hai_params(Some("d3")), &c);
    assert_eq!(a.handle(&next, NOW, 7), c2.handle(&next, NOW, 7));
    // The imported state remembers nonces and tokens.
    let replay = c2.handle(&reqs[3], NOW, 8);
    assert!(replay.body.contains("4500"), "{}", replay.body);
    assert!(c2.import_state("{\"format\":2}").is_err());
    assert!(c2.import_state("not json").is_err());
}

#[test]
fn state_stays_bounded_under_many_requests() {
    let mut sim = Simulator::new();
    let mut small = cloudplay_sim::State::with_limits(cloudplay_sim::Limits {
        nonces: 50,
        idempotency: 20,
        resources: 30,
        rate_windows: 10,
        idempotency_ttl: 86_400,
    });
    small.requests = 0;
    sim.import_state(&small.to_json()).unwrap();
    sim.set_rate_limit(Some(0));
    let c = ordinary();
    for i in 0..200 {
        let req = signed_alg(BSS, bss_params(&format!("bound-{i}")), &c, Algorithm::AcsRpcHmacSha1, "POST");
        expect_ok(&mut sim, &req);
    }
    let (nonces, tokens, resources, _) = sim.state().sizes();
    assert_eq!((nonces, tokens, resources), (50, 20, 30));
}

#[test]
fn accounts_load_from_json_with_their_profiles() {
    let mut sim = Simulator::new();
    let n = sim.add_accounts_json(r#"[{"secret_id":"AKIDmine","secret_key":"k"},{"secret_id":"AKIDowes","secret_key":"k","profile":"arrears"}]"#).unwrap();
    assert_eq!(n, 2);
    let mine = Credentials { secret_id: "AKIDmine".into(), secret_key: "k".into(), token: None };
    expect_ok(&mut sim, &signed(HAI, hai_params(None), &mine));
    let owes = Credentials { secret_id: "AKIDowes".into(), ..mine };
    expect_code(&mut sim, &signed(HAI, hai_params(None), &owes), "FailedOperation.ArrearsAccountCannotRunInstances");
    assert!(sim.add_accounts_json("[{\"secret_id\":1}]").is_err());
    // An id already taken (a demo account's, or twice in one file) is refused, and nothing is added.
    let demo = ordinary().secret_id;
    let e = sim
        .add_accounts_json(&format!(
            r#"[{{"secret_id":"AKIDnew","secret_key":"k"}},{{"secret_id":"{demo}","secret_key":"x"}}]"#
        ))
        .unwrap_err();
    assert!(e.contains("accounts[1]") && e.contains(&demo), "{e}");
    assert!(sim
        .add_accounts_json(r#"[{"secret_id":"AKIDtwice","secret_key":"a"},{"secret_id":"AKIDtwice","secret_key":"b"}]"#)
        .is_err());
    assert!(sim.accounts().get("AKIDnew").is_none() && sim.accounts().get("AKIDtwice").is_none());
    expect_ok(&mut sim, &signed(HAI, hai_params(None), &ordinary()));
    assert_eq!(sim.accounts().iter().filter(|a| a.profile == Profile::Arrears).count(), 2);
}

#[test]
fn unreadable_requests_get_vendor_shaped_errors() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let cases = [
        (signed(MS, ms_params(), &c), "RequestSizeLimitExceeded", 200),
        (signed(PG, pg_params(), &c), "4000", 200),
        (signed(BSS, bss_params("u"), &c), "InvalidParameter", 400),
    ];
    for (req, code, status) in cases {
        let (r, o) = sim.reject(&req, Unreadable::TooLarge { limit: 1 << 20 }, 1);
        assert_eq!((r.status, o.code.as_deref()), (status, Some(code)), "{}", r.body);
        assert!(serde_json::from_str::<Value>(&r.body).is_ok());
    }
    let (r, o) = sim.reject(&signed(MS, ms_params(), &c), Unreadable::NotUtf8, 1);
    assert_eq!((r.status, o.code.as_deref()), (200, Some("InvalidParameter")));
}

#[test]
fn json_in_json_out_for_the_js_binding() {
    let mut sim = Simulator::try_new().unwrap();
    let req = signed(MS, ms_params(), &ordinary());
    let text = serde_json::to_string(&req).unwrap();
    let out: Value = serde_json::from_str(&sim.handle_json(&text, NOW, 1).unwrap()).unwrap();
    assert_eq!(out["status"], 200);
    assert_eq!(out["headers"]["Content-Type"], "application/json");
    let body: Value = serde_json::from_str(out["body"].as_str().unwrap()).unwrap();
    assert!(body["Response"]["ResourceSet"].is_array(), "{body}");
    // Headers may also come as [name, value] pairs; a request that is not one is an error.
    let mut as_pairs: Value = serde_json::from_str(&text).unwrap();
    as_pairs["headers"] = Value::Array(req.headers.iter().map(|(n, v)| json!([n, v])).collect());
    let out: Value = serde_json::from_str(&sim.handle_json(&as_pairs.to_string(), NOW, 2).unwrap()).unwrap();
    assert_eq!(out["status"], 200);
    assert!(sim.handle_json("{\"method\":1}", NOW, 3).is_err());
}

/// Tencent answers in the caller's language when asked (`X-TC-Language`, or the `Language`
/// parameter of the v1 and API 2.0 signatures); Alibaba's gateway answers in English.
#[test]
fn tencent_answers_in_chinese_when_asked_for_zh_cn() {
    let zh = |api: &str, params: Value, c: &Credentials, alg: Option<Algorithm>| {
        let mut call = Call::new(api, params);
        if api == HAI {
            call.region = Some("ap-guangzhou".into());
        }
        let mut o = opts();
        o.language = Some("zh-CN".into());
        o.algorithm = alg;
        signed_with(call, c, o)
    };
    let han = |s: &str| s.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
    let mut sim = Simulator::new();
    let c = ordinary();
    // A parameter violation, a business error of each Tencent API, a signature refusal.
    let cases = [
        (
            zh(MS, json!({"Pid": 13624, "TimeUnit": "w", "TimeSpan": 6, "ResourceNum": 1}), &c, None),
            "InvalidParameterValue",
        ),
        (
            zh(MS, json!({"Pid": 1, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 1}), &c, None),
            "ResourceUnavailable.NotFound",
        ),
        (
            zh(HAI, json!({"ApplicationId": "app-nothere", "BundleType": "S"}), &c, None),
            "InvalidParameterValue.ApplicationIdNotFound",
        ),
        (
            zh(HAI, json!({"ApplicationId": "app-jknfna", "BundleType": "3XL"}), &c, Some(Algorithm::TcHmacSha256)),
            "ResourceInsufficient.BundleInventoryShortage",
        ),
        (
            zh(
                PG,
                {
                    let mut p = pg_params();
                    p["SpecCode"] = "cdb.nothing".into();
                    p
                },
                &c,
                None,
            ),
            "ParamsAssertError",
        ),
        (zh(HAI, hai_params(None), &wrong_secret(&c), None), "AuthFailure.SignatureFailure"),
    ];
    for (req, code) in cases {
        let a = expect_code(&mut sim, &req, code);
        assert!(han(&a.message()), "{code}: {}", a.message());
    }
    let a = expect_code(&mut sim, &zh(PG, pg_params(), &wrong_secret(&c), None), "4100");
    assert!(han(&a.message()), "{}", a.message());
    // Without the ask, English; and Alibaba is English whatever is asked.
    let a = expect_code(
        &mut sim,
        &signed(HAI, json!({"ApplicationId": "app-nothere", "BundleType": "S"}), &c),
        "InvalidParameterValue.ApplicationIdNotFound",
    );
    assert!(!han(&a.message()), "{}", a.message());
    let mut req = signed(BSS, bss_params("zh"), &wrong_secret(&c));
    req.set_header("X-TC-Language", "zh-CN");
    let a = expect_code(&mut sim, &req, "SignatureDoesNotMatch");
    assert!(!han(&a.message()), "{}", a.message());
}

/// ECS, VPC and RDS actions take `RegionId` as a business parameter, most of them required:
/// an imported API that declares it gets it, though it is also one of the SDKs' common extras.
#[test]
fn a_declared_region_id_is_a_business_parameter() {
    let mut spec = cloudplay_core::Catalog::builtin().unwrap().get(BSS).unwrap().clone();
    spec.action = "DescribeZonesLike".into();
    let region: cloudplay_core::Param =
        serde_json::from_value(json!({"name": "RegionId", "type": "string", "required": true})).unwrap();
    spec.params.push(region);
    let mut sim = Simulator::new();
    sim.add_spec(spec.clone());
    let c = ordinary();
    for alg in [Algorithm::AcsRpcHmacSha1, Algorithm::Acs3HmacSha256] {
        let mut call = Call::new(spec.id(), bss_params("region"));
        call.params["RegionId"] = "cn-beijing".into();
        let mut o = opts();
        o.algorithm = Some(alg);
        let req = cloudplay_core::prepare_with_spec(&spec, &call, &c, &o).unwrap().request;
        assert!(format!("{}{}", req.query, req.body).contains("RegionId=cn-beijing"), "{alg:?}");
        let answer = send(&mut sim, &req);
        assert_eq!(answer.code(), None, "{alg:?}: {}", answer.body);
        // Without it, the rule holds.
        call.params.as_object_mut().unwrap().remove("RegionId");
        let mut o = opts();
        o.algorithm = Some(alg);
        let req = cloudplay_core::prepare_with_spec(&spec, &call, &c, &o).unwrap().request;
        let answer = expect_code(&mut sim, &req, "MissingParameter");
        assert!(answer.body["Message"].as_str().unwrap().contains("RegionId"), "{}", answer.body);
    }
}

/// With a vendor's metadata imported there are thousands of APIs: an unknown action is told
/// a few of its product's, and how many more.
#[test]
fn an_unknown_action_lists_a_few_apis_of_its_product() {
    let mut sim = Simulator::new();
    let base = cloudplay_core::Catalog::builtin().unwrap().get(BSS).unwrap().clone();
    sim.add_specs((0..30).map(|i| {
        let mut spec = base.clone();
        spec.action = format!("Action{i:02}");
        std::sync::Arc::new(spec)
    }));
    let c = ordinary();
    let mut req = signed_alg(BSS, bss_params("x9"), &c, Algorithm::AcsRpcHmacSha1, "GET");
    req.query = req.query.replace("Action=CreateInstance", "Action=DeleteEverything");
    resign(&mut req, Algorithm::AcsRpcHmacSha1, "", &c);
    let answer = expect_code(&mut sim, &req, "InvalidAction.NotFound");
    let message = answer.body["Message"].as_str().unwrap();
    assert!(message.contains("bssopenapi/2017-12-14/CreateInstance, bssopenapi/2017-12-14/Action00"), "{message}");
    assert!(message.contains(" and 23 more. "), "{message}");
    // And how to add one.
    assert!(message.ends_with("cloudplay serve --specs FILE for the server."), "{message}");
    assert!(!message.contains("hai/"), "another product's APIs: {message}");
}

#[test]
fn tencent_takes_a_ten_megabyte_body_signed_with_tc3_and_one_megabyte_signed_the_v1_way() {
    let mut sim = Simulator::new();
    let c = ordinary();
    let with_name = |bytes: usize| {
        let mut p = hai_params(None);
        p["InstanceName"] = json!("x".repeat(bytes));
        p
    };
    let code = |sim: &mut Simulator, req: &HttpRequest| {
        let (r, o) = sim.handle_traced(req, NOW, 1);
        assert!(serde_json::from_str::<Value>(&r.body).is_ok(), "{}", r.body);
        o.code.unwrap_or_default()
    };
    // Two megabytes: past the v1 limit, within TC3's (the name is then too long, as a name).
    let tc3 = signed_alg(HAI, with_name(2 << 20), &c, Algorithm::Tc3HmacSha256, "POST");
    assert!(tc3.body.len() > 2 << 20);
    assert!(code(&mut sim, &tc3).starts_with("InvalidParameter"));
    let v1 = signed_alg(HAI, with_name(2 << 20), &c, Algorithm::TcHmacSha256, "POST");
    assert_eq!(code(&mut sim, &v1), "RequestSizeLimitExceeded");
    let v1_small = signed_alg(HAI, with_name(10), &c, Algorithm::TcHmacSha256, "POST");
    assert_eq!(code(&mut sim, &v1_small), "");
    // Past ten megabytes, TC3 too.
    let huge = signed_alg(HAI, with_name(11 << 20), &c, Algorithm::Tc3HmacSha256, "POST");
    assert_eq!(code(&mut sim, &huge), "RequestSizeLimitExceeded");
}

/// An API the simulator does not model answers the success its examples document, with a
/// fresh RequestId, so that an SDK's typed model of the answer is filled; an error documented
/// as an example is not taken for one.
#[test]
fn an_unmodelled_api_answers_its_documented_success() {
    let catalog = cloudplay_core::Catalog::builtin().unwrap();
    let mut sim = Simulator::new();
    let c = ordinary();
    let example = |params: Value, response: Value| -> cloudplay_core::spec::Example {
        serde_json::from_value(json!({"params": params, "response": response})).unwrap()
    };
    // Tencent: the response's envelope is taken off and put back.
    let mut zones = catalog.get(HAI).unwrap().clone();
    zones.action = "DescribeZonesLike".into();
    zones.examples = vec![
        example(
            hai_params(None),
            json!({"Response": {"Error": {"Code": "InvalidParameter", "Message": "x"}, "RequestId": "doc-1"}}),
        ),
        example(
            hai_params(None),
            json!({"Response": {"ZoneSet": [{"Zone": "ap-guangzhou-3"}], "TotalCount": 1, "RequestId": "doc-2"}}),
        ),
    ];
    // Alibaba: its fields beside RequestId.
    let mut regions = catalog.get(BSS).unwrap().clone();
    regions.action = "DescribeRegionsLike".into();
    regions.examples = vec![
        example(bss_params("r"), json!({"RequestId": "doc-0", "Code": "Forbidden.RAM", "Message": "x"})),
        example(bss_params("r"), json!({"RequestId": "doc-3", "Regions": {"Region": [{"RegionId": "cn-hangzhou"}]}})),
    ];
    // A success may carry a Code of its own ("OK"), beside nothing but its envelope.
    let mut ok = regions.clone();
    ok.action = "PingLike".into();
    ok.examples = vec![example(bss_params("r"), json!({"RequestId": "doc-5", "Code": "OK", "Message": "OK"}))];
    sim.add_spec(ok.clone());
    // Without a documented response: an empty success, as before.
    let mut bare = regions.clone();
    bare.action = "Bare".into();
    bare.examples.clear();
    for spec in [&zones, &regions, &bare] {
        sim.add_spec(spec.clone());
    }
    let sign = |spec: &cloudplay_core::ApiSpec, params: Value| {
        let mut call = Call::new(spec.id(), params);
        call.region = Some("ap-guangzhou".into());
        cloudplay_core::prepare_with_spec(spec, &call, &c, &opts()).unwrap().request
    };
    // The example of the very parameters called answers for itself.
    let mut dry = hai_params(None);
    dry["DryRun"] = json!(true);
    zones
        .examples
        .push(example(dry.clone(), json!({"Response": {"ZoneSet": [], "TotalCount": 0, "RequestId": "doc-4"}})));
    sim.add_spec(zones.clone());
    let a = expect_ok(&mut sim, &sign(&zones, dry));
    assert_eq!(a.body["Response"]["TotalCount"], 0, "{}", a.body);
    let a = expect_ok(&mut sim, &sign(&zones, hai_params(None)));
    assert_eq!(a.body["Response"]["ZoneSet"][0]["Zone"], "ap-guangzhou-3", "{}", a.body);
    assert_eq!(a.body["Response"]["TotalCount"], 1);
    assert!(a.body["Response"]["RequestId"].as_str().is_some_and(|id| !id.starts_with("doc-")), "{}", a.body);
    let a = expect_ok(&mut sim, &sign(&regions, bss_params("r2")));
    assert_eq!(a.body["Regions"]["Region"][0]["RegionId"], "cn-hangzhou", "{}", a.body);
    assert_ne!(a.body["RequestId"], "doc-3");
    let a = send(&mut sim, &sign(&ok, bss_params("r4")));
    assert_eq!((a.status, a.outcome.code.as_deref()), (200, None), "{}", a.body);
    assert_eq!((a.body["Code"].as_str(), a.body["Message"].as_str()), (Some("OK"), Some("OK")), "{}", a.body);
    let a = expect_ok(&mut sim, &sign(&bare, bss_params("r3")));
    assert_eq!(
        a.body.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["RequestId".to_string()]),
        "{}",
        a.body
    );
}
