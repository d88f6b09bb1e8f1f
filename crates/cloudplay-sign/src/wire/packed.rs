//! The packed form of a `signWire` input: what the npm package's `packWire`
//! (`crates/cloudplay-wasm/js/bridge.js`) writes so that an input object crosses into wasm as
//! one string instead of JSON. The fields still go through [`WireInput::from_fields`], so every
//! check and error is the same as on the JSON path.
//!
//! Layout: a head `pairs.absent`, then the fields, all joined by U+0000: [`TEXT_FIELDS`], the
//! credentials' `secret_id`, `secret_key` and `token`, `timestamp`, `nonce`, `headers` and
//! `params`. An absent field is U+0003; a pair list is `name U+0001 value U+0002` per pair. The
//! head counts the pairs and the absent fields, so one pass over the text sees that every
//! separator is one the layout put there: a value holding one makes the text unreadable here,
//! and the caller takes the JSON path.
//!
//! [`WireInput::from_fields`]: super::WireInput::from_fields

use alloc::vec::Vec;

use super::{Key, RawFields, RawValue, Scalar, Text};

/// The text fields, in layout order.
pub const TEXT_FIELDS: [&str; 9] =
    ["algorithm", "method", "host", "path", "service", "timestamp_iso", "query", "body", "signed_headers"];
/// The input's other fields, after the text fields in the layout.
pub const OTHER_FIELDS: [&str; 5] = ["credentials", "timestamp", "nonce", "headers", "params"];
/// The fields after the head: the text fields, three of credentials, timestamp, nonce, headers
/// and params.
const PARTS: usize = TEXT_FIELDS.len() + 7;
const ABSENT: &str = "\u{3}";

/// The fields of a packed input, or `None` when the text is not exactly the layout.
pub fn parse(packed: &str) -> Option<RawFields<'_>> {
    // One pass: where the fields end, and how many of each separator there are. Compiled with
    // the signer (for speed), not with the binding.
    let mut ends = [0usize; PARTS];
    let (mut fields, mut seen) = (0usize, [0usize; 4]);
    for (i, &b) in packed.as_bytes().iter().enumerate() {
        if b < 4 {
            seen[usize::from(b)] += 1;
            if b == 0 {
                *ends.get_mut(fields)? = i;
                fields += 1;
            }
        }
    }
    if fields != PARTS {
        return None;
    }
    let (pairs, absent) = packed.get(..ends[0])?.split_once('.')?;
    let (pairs, absent): (usize, usize) = (pairs.parse().ok()?, absent.parse().ok()?);
    if seen[1..] != [pairs, pairs, absent] {
        return None;
    }
    // Field k (0-based after the head) runs from the separator before it to the one after.
    let field = |k: usize| packed.get(ends[k] + 1..ends.get(k + 1).copied().unwrap_or(packed.len()));

    let mut raw = RawFields(Vec::with_capacity(PARTS));
    for (k, name) in TEXT_FIELDS.into_iter().enumerate() {
        let v = field(k)?;
        if v != ABSENT {
            raw.text(name, v);
        }
    }
    let at = TEXT_FIELDS.len();
    let (id, key, token) = (field(at)?, field(at + 1)?, field(at + 2)?);
    // packWire always writes both secrets; the mark here is not the layout.
    if id == ABSENT || key == ABSENT {
        return None;
    }
    raw.credentials(id, key, (token != ABSENT).then_some(token));
    match field(at + 3)? {
        ABSENT => {}
        // packWire sends only safe integers here.
        ts => raw.integer("timestamp", ts.parse::<i64>().ok()?),
    }
    match field(at + 4)? {
        ABSENT => {}
        // Informational, and its text is what matters.
        nonce => raw.text("nonce", nonce),
    }
    for (k, name) in [(at + 5, "headers"), (at + 6, "params")] {
        let v = field(k)?;
        if v != ABSENT {
            raw.0.push((Key::Borrowed(name), RawValue::Pairs(pairs_of(v)?)));
        }
    }
    Some(raw)
}

/// `name U+0001 value U+0002` repeated; the counts were checked, so each pair has both.
fn pairs_of(text: &str) -> Option<Vec<(Text<'_>, Scalar<'_>)>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (pair, after) = rest.split_once('\u{2}')?;
        let (name, value) = pair.split_once('\u{1}')?;
        out.push((Text::Borrowed(name), Scalar::Str(Text::Borrowed(value))));
        rest = after;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::WireInput;
    use alloc::format;
    use alloc::string::String;

    /// What packWire writes for these fields (a Rust copy of it, for the tests).
    fn pack(
        text: &[Option<&str>; 9],
        creds: [Option<&str>; 3],
        ts: Option<i64>,
        nonce: Option<&str>,
        lists: [Option<&[(&str, &str)]>; 2],
    ) -> String {
        let mut absent = 0;
        let mut pairs = 0;
        let mut parts: Vec<String> = Vec::new();
        let mut put = |v: Option<String>, absent: &mut usize| {
            parts.push(v.unwrap_or_else(|| {
                *absent += 1;
                ABSENT.into()
            }))
        };
        for v in text.iter().chain(&creds) {
            put(v.map(Into::into), &mut absent);
        }
        put(ts.map(|t| format!("{t}")), &mut absent);
        put(nonce.map(Into::into), &mut absent);
        for list in lists {
            pairs += list.map_or(0, <[_]>::len);
            put(list.map(|l| l.iter().map(|(n, v)| format!("{n}\u{1}{v}\u{2}")).collect()), &mut absent);
        }
        format!("{pairs}.{absent}\0{}", parts.join("\0"))
    }

    const TC3: [Option<&str>; 9] = [
        Some("TC3-HMAC-SHA256"),
        Some("POST"),
        None,
        Some("/"),
        Some("hai"),
        None,
        Some("a=1"),
        Some("{\"Limit\":1}"),
        Some("content-type;host"),
    ];
    const HEADERS: &[(&str, &str)] = &[("Content-Type", "application/json"), ("Host", "hai.tencentcloudapi.com")];

    #[test]
    fn a_packed_input_reads_as_its_json_does() {
        let packed =
            pack(&TC3, [Some("AKID"), Some("secret"), None], Some(1_700_000_000), Some("7"), [Some(HEADERS), None]);
        let json = r#"{"algorithm":"TC3-HMAC-SHA256","method":"POST","path":"/","service":"hai","query":"a=1",
            "body":"{\"Limit\":1}","signed_headers":"content-type;host",
            "credentials":{"secret_id":"AKID","secret_key":"secret"},"timestamp":1700000000,"nonce":"7",
            "headers":{"Content-Type":"application/json","Host":"hai.tencentcloudapi.com"}}"#;
        let from_packed = WireInput::from_fields(parse(&packed).unwrap()).unwrap();
        assert_eq!(from_packed, WireInput::from_json(json.as_bytes()).unwrap());

        let rpc = pack(
            &[Some("ACS-RPC-HMAC-SHA1"), Some("GET"), None, None, None, None, None, None, None],
            [Some("id"), Some("key"), Some("tok")],
            None,
            None,
            [None, Some(&[("Action", "X"), ("Empty", "")])],
        );
        let w = WireInput::from_fields(parse(&rpc).unwrap()).unwrap();
        assert_eq!(w.params, [(Text::from("Action"), Text::from("X")), (Text::from("Empty"), Text::from(""))]);
        assert_eq!(w.credentials.token.as_deref(), Some("tok"));
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let packed =
            pack(&TC3, [Some("AKID"), Some("s3cr3t-key"), Some("tok3n")], Some(1), None, [Some(HEADERS), None]);
        let shown = format!("{:?}", parse(&packed).unwrap());
        assert!(shown.contains("POST") && shown.contains("<redacted>"), "{shown}");
        assert!(!shown.contains("s3cr3t") && !shown.contains("tok3n"), "{shown}");
    }

    #[test]
    fn a_separator_the_layout_did_not_put_there_is_refused() {
        let creds = [Some("AKID"), Some("secret"), None];
        let good = pack(&TC3, creds, Some(1), None, [Some(HEADERS), None]);
        assert!(parse(&good).is_some());
        // A separator inside a value shifts the fields or the counts; so does a wrong head.
        for (i, _) in good.match_indices("secret") {
            for sep in ['\0', '\u{1}', '\u{2}', '\u{3}'] {
                let mut bad = good.clone();
                bad.insert(i + 2, sep);
                assert!(parse(&bad).is_none(), "{bad:?}");
            }
        }
        for head in ["3.5", "2.4", "x.5", "2", ""] {
            let bad = format!("{head}{}", &good[good.find('\0').unwrap()..]);
            assert!(parse(&bad).is_none(), "{head}");
        }
        assert!(parse("").is_none());
        // The absent mark where packWire always writes a secret.
        for creds in [[None, Some("secret"), None], [Some("AKID"), None, None]] {
            assert!(parse(&pack(&TC3, creds, Some(1), None, [Some(HEADERS), None])).is_none(), "{creds:?}");
        }
        // Cut short: the absent mark of `params` is gone, and with it the count of absent fields.
        assert!(parse(&good[..good.len() - 1]).is_none());
    }
}
