//! Snippets: exact text for one call per language and API style, escaping of hostile values,
//! exact big integers, no secret in any output, and curl snippets that parse back to the
//! request they were made from.

use std::path::PathBuf;

use cloudplay_core::raw::shell::split_words;
use cloudplay_core::{
    parse_curl, snippet, snippet_in, Algorithm, ApiSpec, ApiStyle, Call, Catalog, Credentials, ErrorKind, HttpRequest,
    Language, PrepareOptions,
};
use serde_json::{json, Value};

/// Distinctive enough that finding it anywhere is a leak, not a coincidence.
const SECRET: &str = "cpSecretKey-7d3f9a1e-NEVER-IN-A-SNIPPET";
const TOKEN: &str = "cpSessionToken-51b2-NEVER-IN-A-SNIPPET";

fn credentials(token: bool) -> Credentials {
    Credentials {
        secret_id: "AKIDcloudplaySnippetTest".into(),
        secret_key: SECRET.into(),
        token: token.then(|| TOKEN.into()),
    }
}

fn catalog() -> Catalog {
    Catalog::builtin().unwrap()
}

fn options(algorithm: Option<Algorithm>, method: Option<&str>) -> PrepareOptions {
    let mut o = PrepareOptions::at(1_700_000_000);
    o.nonce = Some("424242".into());
    o.algorithm = algorithm;
    o.method = method.map(Into::into);
    o.allow_invalid = true;
    o
}

/// The spec's first example as a call (Tencent calls get a region).
fn example_call(spec: &ApiSpec) -> Call {
    let ex = &spec.examples[0];
    let mut call = Call::new(spec.id(), ex.params.clone());
    call.region = match spec.style {
        ApiStyle::AlibabaRpc => None,
        _ => ex.region.clone().or_else(|| Some("ap-guangzhou".into())),
    };
    call
}

fn signed(catalog: &Catalog, call: &Call, o: &PrepareOptions, token: bool) -> HttpRequest {
    catalog.prepare(call, &credentials(token), o).unwrap().request
}

fn golden_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snippets").join(name)
}

/// Compares with `tests/snippets/<name>`; `CLOUDPLAY_BLESS=1` rewrites the file instead.
fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("CLOUDPLAY_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(actual, expected, "snippet differs from {}", path.display());
}

#[test]
fn one_call_per_style_matches_its_expected_text_in_every_language() {
    let catalog = catalog();
    for (id, stem) in [
        ("hai/2023-08-12/RunInstances", "tencent-api3"),
        ("postgres/2017-03-12/CreateResource", "tencent-legacy"),
        ("bssopenapi/2017-12-14/CreateInstance", "alibaba-rpc"),
    ] {
        let spec = catalog.spec(id).unwrap();
        let call = example_call(spec);
        let request = signed(&catalog, &call, &options(None, None), false);
        for language in Language::ALL {
            let text = snippet(spec, &call, language, Some(&request)).unwrap();
            let ext = match language {
                Language::Curl | Language::Cli => "sh",
                Language::Python => "py",
                Language::Node => "js",
                Language::Go => "go",
            };
            assert_golden(&format!("{stem}.{}.{ext}", language.name()), &text);
        }
    }
}

/// Every built-in API, every algorithm and method it offers, with and without a session token.
fn every_signed_variant(mut f: impl FnMut(&ApiSpec, &Call, &HttpRequest, bool)) {
    let catalog = catalog();
    for spec in catalog.specs() {
        let call = example_call(spec);
        for algorithm in &spec.algorithms {
            for method in &spec.methods {
                for token in [false, true] {
                    let o = options(Some(*algorithm), Some(method));
                    let request = signed(&catalog, &call, &o, token);
                    f(spec, &call, &request, token);
                }
            }
        }
    }
}

#[test]
fn no_snippet_ever_contains_the_secret_key_or_the_session_token() {
    let mut checked = 0;
    every_signed_variant(|spec, call, request, token| {
        // The signed request itself carries the token (it is signed); the snippet must not.
        assert_eq!(format!("{request:?}").contains(TOKEN), token);
        for language in Language::ALL {
            let text = snippet(spec, call, language, Some(request)).unwrap();
            assert!(!text.contains(SECRET), "{} {}: the secret key leaked:\n{text}", spec.id(), language.name());
            assert!(!text.contains(TOKEN), "{} {}: the session token leaked:\n{text}", spec.id(), language.name());
            checked += 1;
        }
    });
    assert!(checked >= 4 * 2 * 2 * 2 * 5, "{checked}");
}

#[test]
fn every_curl_snippet_parses_back_to_the_request_it_came_from() {
    let mut checked = 0;
    every_signed_variant(|spec, call, request, token| {
        let text = snippet(spec, call, Language::Curl, Some(request)).unwrap();
        let parsed = parse_curl(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        if token {
            // The token's place names an environment variable or a placeholder instead.
            assert_eq!((&parsed.method, &parsed.host, &parsed.path), (&request.method, &request.host, &request.path));
            let shown = format!("{:?}", parsed);
            assert!(
                shown.contains("${TENCENTCLOUD_SESSION_TOKEN}")
                    || shown.contains("${ALIBABA_CLOUD_SECURITY_TOKEN}")
                    || shown.contains("Token=SESSION-TOKEN"),
                "{shown}"
            );
        } else {
            assert_eq!(&parsed, request, "{text}");
            checked += 1;
        }
    });
    assert!(checked >= 4 * 2 * 2, "{checked}");
}

#[test]
fn the_legacy_cli_snippet_is_the_signed_curl_and_parses_back() {
    let catalog = catalog();
    let spec = catalog.spec("postgres/2017-03-12/CreateResource").unwrap();
    let call = example_call(spec);
    let request = signed(&catalog, &call, &options(None, Some("POST")), false);
    let text = snippet(spec, &call, Language::Cli, Some(&request)).unwrap();
    assert!(text.starts_with("# tccli covers Tencent Cloud API 3.0 only"), "{text}");
    assert_eq!(parse_curl(&text).unwrap(), request);
}

/// A value with everything that breaks naive quoting.
const NASTY: &str = "it's \"q\" \\ $HOME `id` ${x}\nline2\t\r é 中文 😀 \u{2028}\u{1}";

fn nasty_hai_call() -> Call {
    let mut params = json!({"ApplicationId": "app-1", "BundleType": "S", "InstanceName": NASTY});
    params.as_object_mut().unwrap().insert(NASTY.into(), json!([NASTY]));
    Call::new("hai/2023-08-12/RunInstances", params).with_region("ap-guangzhou")
}

#[test]
fn hostile_strings_are_quoted_correctly_in_python_node_and_go() {
    let catalog = catalog();
    let call = nasty_hai_call();
    let py = snippet_in(&catalog, &call, Language::Python, None).unwrap();
    let py_lit = r#""it's \"q\" \\ $HOME `id` ${x}\nline2\t\r é 中文 😀 \u2028\u0001""#;
    assert!(py.contains(&format!("\"InstanceName\": {py_lit},")), "{py}");
    assert!(py.contains(&format!("  {py_lit}: [\n    {py_lit},\n  ],")), "{py}");

    let js = snippet_in(&catalog, &call, Language::Node, None).unwrap();
    assert!(js.contains(&format!("\"InstanceName\": {py_lit},")), "{js}");

    // Go carries the parameters as JSON in a raw string: it must read back to the same values.
    let go = snippet_in(&catalog, &call, Language::Go, None).unwrap();
    let start = go.find("const paramsJSON = `").unwrap() + "const paramsJSON = `".len();
    let len = go[start..].find('`').unwrap();
    let params: Value = serde_json::from_str(&go[start..start + len]).unwrap();
    assert_eq!(params, call.params);
    assert!(!go[start..start + len].contains('\r'), "a Go raw string drops carriage returns");
}

#[test]
fn hostile_strings_survive_the_shell_in_cli_and_curl() {
    let catalog = catalog();
    let call = nasty_hai_call();
    let cli = snippet_in(&catalog, &call, Language::Cli, None).unwrap();
    let words: Vec<String> = split_words(&cli).unwrap().into_iter().map(|w| w.text).collect();
    let at = words.iter().position(|w| w == "--InstanceName").unwrap();
    assert_eq!(words[at + 1], NASTY);
    let at = words.iter().position(|w| *w == format!("--{NASTY}.0")).unwrap();
    assert_eq!(words[at + 1], NASTY);

    let request = signed(&catalog, &call, &options(None, None), false);
    let curl = snippet_in(&catalog, &call, Language::Curl, Some(&request)).unwrap();
    assert_eq!(parse_curl(&curl).unwrap(), request);
}

#[test]
fn integers_beyond_2_pow_53_stay_exact_in_every_language() {
    let catalog = catalog();
    // Pid is a uint64: u64::MAX as a number, and 2^53 + 1 as the decimal string a JS caller sends.
    for (pid, digits) in [(json!(u64::MAX), "18446744073709551615"), (json!("9007199254740993"), "9007199254740993")] {
        let call = Call::new(
            "ms/2018-04-08/CreateResourceInstances",
            json!({"Pid": pid, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 10}),
        );
        let py = snippet_in(&catalog, &call, Language::Python, None).unwrap();
        assert!(py.contains(&format!("\"Pid\": {digits},")), "{py}");
        let js = snippet_in(&catalog, &call, Language::Node, None).unwrap();
        assert!(js.contains(&format!("\"Pid\": {digits}n,")), "{js}");
        assert!(js.contains("Integers past 2^53 are BigInt literals"), "{js}");
        assert!(js.contains("\"TimeSpan\": 6,"), "{js}");
        let go = snippet_in(&catalog, &call, Language::Go, None).unwrap();
        assert!(go.contains(&format!("\"Pid\": {digits},")) && go.contains("decoder.UseNumber()"), "{go}");
        let cli = snippet_in(&catalog, &call, Language::Cli, None).unwrap();
        assert!(cli.contains(&format!("--Pid {digits} ")), "{cli}");
    }
    let small = Call::new("ms/2018-04-08/CreateResourceInstances", json!({"Pid": 12750}));
    assert!(!snippet_in(&catalog, &small, Language::Node, None).unwrap().contains("BigInt"));
}

#[test]
fn alibaba_lists_are_flattened_from_one_and_tencent_lists_from_zero() {
    let catalog = catalog();
    let call = Call::new(
        "bssopenapi/2017-12-14/CreateInstance",
        json!({"ProductCode": "rds", "Parameter": [{"Code": "a", "Value": "1"}, {"Code": "b", "Value": "2"}]}),
    );
    let cli = snippet_in(&catalog, &call, Language::Cli, None).unwrap();
    assert!(cli.contains("--Parameter.1.Code a \\\n  --Parameter.1.Value 1 \\\n  --Parameter.2.Code b"), "{cli}");
    for language in [Language::Python, Language::Node] {
        let text = snippet_in(&catalog, &call, language, None).unwrap();
        assert!(text.contains("\"Parameter.2.Value\": \"2\","), "{text}");
    }
    let go = snippet_in(&catalog, &call, Language::Go, None).unwrap();
    assert!(go.contains("\"Parameter.2.Value\": dara.String(\"2\"),"), "{go}");
    assert!(go.contains("\"ProductCode\":       dara.String(\"rds\"),"), "{go}");

    let call = Call::new(
        "hai/2023-08-12/RunInstances",
        json!({"ApplicationId": "app-1", "SystemDisk": {"DiskSize": 80}, "Tags": [{"Key": "k", "Value": "v"}]}),
    )
    .with_region("ap-shanghai");
    let cli = snippet_in(&catalog, &call, Language::Cli, None).unwrap();
    assert!(
        cli.contains("tccli hai RunInstances --version 2023-08-12 --region ap-shanghai --cli-unfold-argument \\\n"),
        "{cli}"
    );
    assert!(cli.contains("--SystemDisk.DiskSize 80 \\\n  --Tags.0.Key k \\\n  --Tags.0.Value v\n"), "{cli}");
}

#[test]
fn snippets_that_need_the_signed_request_say_so() {
    let catalog = catalog();
    let legacy = example_call(catalog.spec("postgres/2017-03-12/CreateResource").unwrap());
    for (call, language) in [
        (&legacy, Language::Curl),
        (&legacy, Language::Node),
        (&legacy, Language::Go),
        (&legacy, Language::Cli),
        (&nasty_hai_call(), Language::Curl),
    ] {
        let e = snippet_in(&catalog, call, language, None).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::MissingField, Some("signed")), "{}", language.name());
        assert!(e.message.contains("signed request"), "{}", e.message);
    }
    // Python has an SDK for API 2.0, so it needs nothing signed.
    assert!(snippet_in(&catalog, &legacy, Language::Python, None).unwrap().contains("QcloudApi(\"postgres\", config)"));
}

#[test]
fn legacy_node_and_go_send_the_signed_request_and_say_why() {
    let catalog = catalog();
    let spec = catalog.spec("postgres/2017-03-12/CreateResource").unwrap();
    let call = example_call(spec);
    let request = signed(&catalog, &call, &options(None, Some("POST")), false);
    let node = snippet(spec, &call, Language::Node, Some(&request)).unwrap();
    assert!(node.contains("has no maintained Node.js SDK"), "{node}");
    assert!(
        node.contains("fetch(\"https://postgres.api.qcloud.com/v2/index.php\", {\n  method: \"POST\",\n"),
        "{node}"
    );
    assert!(node.contains(&format!("  body: {},\n", serde_json::to_string(&request.body).unwrap())), "{node}");
    let go = snippet(spec, &call, Language::Go, Some(&request)).unwrap();
    assert!(go.contains("has no Go SDK"), "{go}");
    assert!(go.contains("req.Header.Set(\"Content-Type\", \"application/x-www-form-urlencoded\")"), "{go}");
    assert!(go.contains("strings.NewReader(\""), "{go}");
}

#[test]
fn errors_for_a_call_of_another_api_and_languages_by_name() {
    let catalog = catalog();
    let spec = catalog.spec("hai/2023-08-12/RunInstances").unwrap();
    let call = Call::new("ms/2018-04-08/CreateResourceInstances", json!({}));
    let e = snippet(spec, &call, Language::Python, None).unwrap_err();
    assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidField, Some("api")));
    assert_eq!(
        snippet_in(&catalog, &Call::new("x/y/z", json!({})), Language::Go, None).unwrap_err().kind,
        ErrorKind::UnknownApi
    );

    for language in Language::ALL {
        let name = serde_json::to_value(language).unwrap();
        assert_eq!(name, Value::String(language.name().into()));
        assert_eq!(serde_json::from_value::<Language>(name).unwrap(), language);
        assert_eq!(Language::parse(language.name()).unwrap(), language);
    }
    assert_eq!(Language::parse("rust").unwrap_err().path.as_deref(), Some("language"));
}

#[test]
fn an_endpoint_override_reaches_every_snippet() {
    let catalog = catalog();
    let mut call = example_call(catalog.spec("hai/2023-08-12/RunInstances").unwrap());
    call.endpoint = Some("127.0.0.1:8080".into());
    let py = snippet_in(&catalog, &call, Language::Python, None).unwrap();
    assert!(py.contains("http_profile.endpoint = \"127.0.0.1:8080\""), "{py}");
    let cli = snippet_in(&catalog, &call, Language::Cli, None).unwrap();
    assert!(cli.contains("--endpoint 127.0.0.1:8080"), "{cli}");
    // The Node SDK derives the signing service from the host; it says so rather than sign wrong.
    let js = snippet_in(&catalog, &call, Language::Node, None).unwrap();
    assert!(js.contains("signs for the service named by the endpoint's first label ('127')"), "{js}");
}

#[test]
fn a_signed_request_of_another_call_is_refused_at_signed() {
    let catalog = catalog();
    let specs = catalog.specs();
    let mut checked = 0;
    for spec in specs {
        let call = example_call(spec);
        let own = signed(&catalog, &call, &options(None, None), false);
        for other in specs.iter().filter(|o| o.id() != spec.id()) {
            let theirs = signed(&catalog, &example_call(other), &options(None, None), false);
            for language in Language::ALL {
                let e = snippet(spec, &call, language, Some(&theirs)).unwrap_err();
                assert_eq!(
                    (e.kind, e.path.as_deref()),
                    (ErrorKind::InvalidField, Some("signed")),
                    "{} with {}",
                    spec.id(),
                    other.id()
                );
                assert!(
                    e.message.contains(&format!("not this call's '{}'", spec.action)) || e.message.contains("host"),
                    "{}",
                    e.message
                );
                checked += 1;
            }
        }
        // Its own request, and one for the same API at another endpoint, which is refused by host.
        assert!(snippet(spec, &call, Language::Curl, Some(&own)).is_ok());
        let mut elsewhere = own.clone();
        elsewhere.host = "example.com".into();
        let e = snippet(spec, &call, Language::Curl, Some(&elsewhere)).unwrap_err();
        assert!(e.message.contains("host 'example.com'"), "{}", e.message);
        // The same API with a parameter edited, or in another region, after the request was
        // signed: the command would send the old values.
        let mut edited = call.clone();
        let (name, value) = edited
            .params
            .as_object_mut()
            .and_then(|m| m.iter_mut().find(|(_, v)| v.is_string()))
            .expect("a string parameter");
        *value = serde_json::json!(format!("{}x", value.as_str().unwrap()));
        let name = name.clone();
        let e = snippet(spec, &edited, Language::Curl, Some(&own)).expect_err(&name);
        assert!(e.path.as_deref() == Some("signed") && e.message.contains("other parameters"), "{}", e.message);
        if spec.style.is_tencent() {
            let mut moved = call.clone();
            moved.region = Some("ap-shanghai".into());
            let e = snippet(spec, &moved, Language::Python, Some(&own)).expect_err("region");
            assert!(e.message.contains("another region") || e.message.contains("host"), "{}", e.message);
        }
        // Another version of the same API (an import beside the seed) is another call too.
        if spec.style == ApiStyle::TencentApi3 {
            let mut older = own.clone();
            older.set_header("X-TC-Version", "2000-01-01");
            let e = snippet(spec, &call, Language::Curl, Some(&older)).unwrap_err();
            assert!(e.message.contains("version '2000-01-01'"), "{}", e.message);
        }
    }
    assert_eq!(checked, 4 * 3 * Language::ALL.len());
}

/// An endpoint named `http://` (cloudplay serve) is called over plain HTTP by every snippet
/// that can, and the others say they cannot; an https:// or bare endpoint keeps HTTPS.
#[test]
fn an_http_endpoint_is_called_over_plain_http() {
    let catalog = catalog();
    let wanted: [(&str, Language, &str); 11] = [
        ("hai/2023-08-12/RunInstances", Language::Python, "http_profile.scheme = \"http\"\n"),
        ("hai/2023-08-12/RunInstances", Language::Node, "profile: { httpProfile: { protocol: \"http://\" } },"),
        ("hai/2023-08-12/RunInstances", Language::Go, "cpf.HttpProfile.Scheme = \"HTTP\"\n"),
        ("hai/2023-08-12/RunInstances", Language::Cli, "tccli has no switch to plain HTTP"),
        ("hai/2023-08-12/RunInstances", Language::Curl, "curl -X POST http://127.0.0.1:8080/ "),
        ("postgres/2017-03-12/CreateResource", Language::Python, "This SDK speaks HTTPS only"),
        ("postgres/2017-03-12/CreateResource", Language::Node, "fetch(\"http://127.0.0.1:8080/"),
        ("bssopenapi/2017-12-14/CreateInstance", Language::Python, "protocol=\"HTTP\","),
        ("bssopenapi/2017-12-14/CreateInstance", Language::Node, "protocol: \"HTTP\","),
        ("bssopenapi/2017-12-14/CreateInstance", Language::Go, "Protocol:    dara.String(\"HTTP\"),"),
        ("bssopenapi/2017-12-14/CreateInstance", Language::Cli, " --endpoint 127.0.0.1:8080 --insecure"),
    ];
    for (id, language, line) in wanted {
        let spec = catalog.spec(id).unwrap();
        for endpoint in ["http://127.0.0.1:8080", "https://127.0.0.1:8080", "127.0.0.1:8080"] {
            let mut call = example_call(spec);
            call.endpoint = Some(endpoint.into());
            let request = signed(&catalog, &call, &options(None, None), false);
            let text = snippet(spec, &call, language, Some(&request)).unwrap();
            let plain = endpoint.starts_with("http://");
            assert_eq!(text.contains(line), plain, "{id} {} at {endpoint}:\n{text}", language.name());
            assert!(text.contains("127.0.0.1:8080"), "{id} {}:\n{text}", language.name());
        }
    }
}
