//! Typed reads of JSON text.
//!
//! Every typed read goes through one parse into a [`Value`]: serde_json's text reader is
//! generic over the target type, so reading each type straight from text gave every type its
//! own copy of the parser (31 of them, 8 KB gzip of the npm module). A syntax error still names
//! its line and column; [`typed_arg`] names the member a shape error is about.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::{Error, ErrorKind};

/// Parses `text` into `T` by way of a [`Value`]. A name given twice in one object is an error,
/// as it was when each type read its own text: which one counts would otherwise be up to the
/// reader.
pub fn typed<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    unique_value(text).and_then(T::deserialize)
}

/// JSON text as a [`Value`], refusing an object that names a member twice.
fn unique_value(text: &str) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Unique.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// A [`Value`] that refuses duplicate names (serde_json's own keeps the last).
struct Unique;

impl<'de> DeserializeSeed<'de> for Unique {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(Unique)
    }
}

impl<'de> Visitor<'de> for Unique {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.into()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Unique)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if members.contains_key(&name) {
                return Err(de::Error::custom(format!("duplicate field `{name}`")));
            }
            let value = map.next_value_seed(Unique)?;
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// [`typed`] for an argument named `arg`: an error names the member at fault
/// (`credentials.secret_id`, or `secret_id` when `arg` is empty) where the object's own
/// members show it.
pub fn typed_arg<T: DeserializeOwned>(text: &str, arg: &str) -> Result<T, Error> {
    not_a_list(text, arg)?;
    typed(text).map_err(|e| member_at_fault(text, arg, &e, &|v| T::deserialize(v).map(drop), false))
}

/// [`typed_arg`] for a document as deep as an API spec: the member at fault is followed down
/// through objects and lists (`params[1].items.fields[0].type`), not only to a list's element.
pub fn typed_doc<T: DeserializeOwned>(text: &str, arg: &str) -> Result<T, Error> {
    not_a_list(text, arg)?;
    typed(text).map_err(|e| member_at_fault(text, arg, &e, &|v| T::deserialize(v).map(drop), true))
}

/// [`typed_arg`] straight from the text, without a [`Value`] first: for the call that
/// validate, prepare and snippet read on every keystroke, whose parameters would otherwise be
/// built as a tree twice (prepare 3-9% faster, for one more copy of the text reader's struct
/// code). A name given twice is refused here too, by serde.
pub fn hot_arg<T: DeserializeOwned>(text: &str, arg: &str) -> Result<T, Error> {
    not_a_list(text, arg)?;
    serde_json::from_str(text).map_err(|e| member_at_fault(text, arg, &e, &|v| T::deserialize(v).map(drop), false))
}

/// Every argument is an object, which serde would also read from a list of its fields in
/// order: credentials given as `[key, id]` would have sent the secret as the id.
fn not_a_list(text: &str, arg: &str) -> Result<(), Error> {
    if !text.trim_start().starts_with('[') {
        return Ok(());
    }
    let why = "must be an object with named fields, not a list";
    Err(if arg.is_empty() {
        Error::new(ErrorKind::InvalidField, why)
    } else {
        Error::at(ErrorKind::InvalidField, arg, why)
    })
}

/// An error about credentials without the value serde quotes (`invalid type: integer
/// `1234`…`): given in the wrong place or shape, that value may well be the secret. Missing
/// fields quote nothing and keep their message.
pub fn without_secret(e: Error) -> Error {
    let about_credentials = e
        .path
        .as_deref()
        .is_some_and(|p| p == "credentials" || p.starts_with("credentials.") || p.starts_with("credentials["));
    // A missing, unknown or misnamed member quotes no value.
    let quotes_nothing =
        e.message.starts_with("is not a known field") || e.message.contains(cloudplay_sign::wire::NOT_READ);
    if !about_credentials || e.kind == ErrorKind::MissingField || quotes_nothing {
        return e;
    }
    let shape = if e.message.contains(crate::verify::ONE_OR_MORE_CREDENTIALS) {
        "must be {secret_id, secret_key, token?} or a list of them, each a string (what was given is not shown: it may be a secret)"
    } else {
        "must be {secret_id, secret_key, token?}, each a string (what was given is not shown: it may be a secret)"
    };
    Error { message: shape.into(), ..e }
}

/// Reads a value as the argument's type, the result dropped: what [`member_at_fault`] needs
/// of it, behind a pointer so that one copy of that function serves every type.
type Read<'a> = &'a dyn Fn(Value) -> Result<(), serde_json::Error>;

/// serde's errors do not say where they arose, so each member is read again on its own:
/// alone in an object, a member with the wrong type or an unknown name still fails, while
/// the others are only missing. Only on failure, so it costs nothing when the read succeeds.
fn member_at_fault(text: &str, arg: &str, e: &serde_json::Error, read: Read<'_>, deep: bool) -> Error {
    let message = e.to_string();
    // Read from text (hot_arg), a shape error ends with its place; the names below need the
    // bare message. A syntax error keeps its place: no member explains it.
    let message = match message.rfind(" at line ") {
        Some(at) if !e.is_syntax() && !e.is_eof() => message[..at].to_string(),
        _ => message,
    };
    let within = |name: &str| if arg.is_empty() { name.to_string() } else { format!("{arg}.{name}") };
    let whole = if arg.is_empty() {
        Error::new(ErrorKind::InvalidJson, message.clone())
    } else {
        Error::at(ErrorKind::InvalidJson, arg, message.clone())
    };
    let Ok(Value::Object(members)) = unique_value(text) else {
        return whole;
    };
    // Whether `name` is the argument's own field rather than one of a member's: given (as
    // null), the argument's own no longer reads as missing, nor as unknown.
    let own_field = |object: &Map<String, Value>, name: &str| {
        let mut with = object.clone();
        with.insert(name.into(), Value::Null);
        let why = read(Value::Object(with)).err().map(|e| e.to_string()).unwrap_or_default();
        missing(&why).as_deref() != Some(name) && !why.starts_with(&format!("unknown field `{name}`"))
    };
    if let Some(name) = missing(&message) {
        if !members.contains_key(&name) && own_field(&members, &name) {
            return Error::at(ErrorKind::MissingField, within(&name), "is required");
        }
    }
    for (name, value) in members {
        let at = within(&name);
        // insert, not from_iter: BTreeMap's from_iter brings a sort into the module (3 KB).
        let mut alone = Map::new();
        alone.insert(name, value);
        let Err(e) = read(Value::Object(alone.clone())) else { continue };
        let why = e.to_string();
        let deeper = if deep { part_at_fault(&alone, &at, &why, read) } else { element_at_fault(&alone, &at, read) };
        let at = deeper.unwrap_or(at);
        match missing(&why) {
            None => return Error::at(ErrorKind::InvalidField, at, in_plain_words(why)),
            // A field missing inside this member (credentials[1].secret_key).
            Some(inner) if !own_field(&alone, &inner) => return Error::at(ErrorKind::MissingField, at, why),
            // Only another of the argument's own fields is missing: not this member's fault.
            Some(_) => {}
        }
    }
    whole
}

/// For a list member, which element fails read alone (`credentials[1]`).
fn element_at_fault(alone: &Map<String, Value>, at: &str, read: Read<'_>) -> Option<String> {
    let (name, Value::Array(items)) = alone.iter().next()? else { return None };
    // With only this member given, the argument's other fields are missing: that much is
    // no element's fault.
    let with = |list: Vec<Value>| {
        let mut one = Map::new();
        one.insert(name.clone(), Value::Array(list));
        read(Value::Object(one)).err().map(|e| e.to_string())
    };
    let blameless = with(Vec::new());
    items.iter().position(|item| with(alloc::vec![item.clone()]) != blameless).map(|i| format!("{at}[{i}]"))
}

/// Below `alone`'s one member, the part at fault, for errors serde words without a place:
/// followed down while that part alone still fails as the whole did (`why`) and, for an object,
/// the rest without it does not. A list keeps only the element followed, so the reads stay
/// small; an object keeps its other members, whose absence would be a fault of its own.
fn part_at_fault(alone: &Map<String, Value>, at: &str, why: &str, read: Read<'_>) -> Option<String> {
    let (name, _) = alone.iter().next()?;
    let step = |key: &str| format!("/{}", key.replace('~', "~0").replace('/', "~1"));
    let (mut root, mut pointer, mut at) = (Value::Object(alone.clone()), step(name), at.to_string());
    let missing_here = missing(why);
    // Each read copies the whole document: a bounded number of them keeps a large spec's error
    // quick (a shallower place, once spent, is still a right one).
    let reads_left = core::cell::Cell::new(READS_FOR_A_PLACE);
    loop {
        let node = core::mem::take(root.pointer_mut(&pointer)?);
        // A field missing from this very object is its own fault, not a member's.
        let lacks = |members: &Map<String, Value>| missing_here.as_ref().is_some_and(|f| !members.contains_key(f));
        let mut fails_as_whole = |part: Value| {
            reads_left.set(reads_left.get().saturating_sub(1));
            if let Some(slot) = root.pointer_mut(&pointer) {
                *slot = part;
            }
            read(root.clone()).err().is_some_and(|e| e.to_string() == why)
        };
        // A key is tried only with both of its reads left: half a test blames the wrong one.
        let found = match &node {
            Value::Object(members) if !lacks(members) => {
                members.keys().take_while(|_| reads_left.get() >= 2).find_map(|key| {
                    let (mut only, mut rest) = (Map::new(), members.clone());
                    only.insert(key.clone(), rest.remove(key).unwrap_or_default());
                    let blamed = fails_as_whole(Value::Object(only)) && !fails_as_whole(Value::Object(rest));
                    blamed.then(|| (node.clone(), format!("{at}.{key}"), format!("{pointer}{}", step(key))))
                })
            }
            // An element is at fault when the list without any is not.
            Value::Array(items) if reads_left.get() >= 1 && !fails_as_whole(Value::Array(Vec::new())) => {
                items.iter().enumerate().take_while(|_| reads_left.get() >= 1).find_map(|(i, item)| {
                    let one = Value::Array(alloc::vec![item.clone()]);
                    fails_as_whole(one.clone()).then(|| (one, format!("{at}[{i}]"), format!("{pointer}/0")))
                })
            }
            _ => None,
        };
        let Some((part, deeper, next)) = found else { break };
        *root.pointer_mut(&pointer)? = part;
        (at, pointer) = (deeper, next);
    }
    Some(at)
}

/// How many reads [`part_at_fault`] may spend looking for an error's place.
const READS_FOR_A_PLACE: usize = 64;

/// The field a "missing field `x`" error names.
fn missing(message: &str) -> Option<String> {
    message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')).map(String::from)
}

/// "unknown field `secretId`, expected one of …" already names the member: keep the rest. The
/// Rust names of number types ("expected i64") are said in a JS caller's words.
fn in_plain_words(why: String) -> String {
    const WORDS: [(&str, &str); 6] = [
        ("i64", "an integer"),
        ("u64", "an integer of 0 or more"),
        ("u32", "an integer of 0 or more"),
        ("u16", "an integer of 0 or more"),
        ("u8", "an integer of 0 or more"),
        ("f64", "a number"),
    ];
    if let Some((_, rest)) = why.strip_prefix("unknown field `").and_then(|r| r.split_once("`, ")) {
        return format!("is not a known field: {rest}");
    }
    if let Some((value, rest)) = why.strip_prefix("unknown variant `").and_then(|r| r.split_once("`, expected ")) {
        return format!(
            "'{value}' is not {}",
            rest.strip_prefix("one of ").map_or(rest.to_string(), |r| format!("one of {r}"))
        );
    }
    let why = why.replacen("invalid type: floating point `", "invalid type: the number `", 1).replacen(
        "invalid type: integer `",
        "invalid type: the number `",
        1,
    );
    let why = match WORDS.iter().find_map(|(rust, words)| why.strip_suffix(rust).map(|stem| (stem, words))) {
        Some((stem, words)) if stem.ends_with("expected ") => format!("{stem}{words}"),
        _ => why,
    };
    // A JS Date crosses as its ISO text: where seconds are wanted, say how to get them.
    let date = why
        .strip_prefix("invalid type: string \"")
        .map(str::as_bytes)
        .is_some_and(cloudplay_sign::time::looks_like_date);
    if date && why.ends_with("expected an integer") {
        return String::from(cloudplay_sign::time::DATE_GIVEN);
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spec of thousands of structs, the last one wrong: its place is looked for with a
    /// bounded number of reads (each copies the whole document), not one per member.
    #[test]
    fn a_large_document_error_spends_a_bounded_number_of_reads() {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Leaf {
            n: i64,
        }
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Doc {
            structs: alloc::collections::BTreeMap<String, Leaf>,
        }
        let mut structs = Map::new();
        for i in 0..3000 {
            structs.insert(format!("s{i:04}"), serde_json::json!({ "n": i }));
        }
        structs.insert("s9999".into(), serde_json::json!({ "n": "not a number" }));
        let mut alone = Map::new();
        alone.insert("structs".into(), Value::Object(structs));
        let reads = core::cell::Cell::new(0usize);
        let read = |v: Value| {
            reads.set(reads.get() + 1);
            serde_json::from_value::<Doc>(v).map(|_| ())
        };
        let why = read(Value::Object(alone.clone())).unwrap_err().to_string();
        let at = part_at_fault(&alone, "spec.structs", &why, &read);
        assert!(at.as_deref().is_some_and(|a| a.starts_with("spec.structs")), "{at:?}");
        assert!(reads.get() <= 70, "{} reads", reads.get());
    }
    use crate::{Credentials, PrepareOptions};

    #[test]
    fn serde_words_are_said_in_a_callers_words() {
        assert_eq!(
            in_plain_words("unknown variant `x`, expected one of `GET`, `POST`".into()),
            "'x' is not one of `GET`, `POST`"
        );
        assert_eq!(
            in_plain_words("invalid type: integer `5`, expected a string".into()),
            "invalid type: the number `5`, expected a string"
        );
    }

    fn secret_safe<T: DeserializeOwned>(text: &str, arg: &str) -> Result<T, Error> {
        typed_arg(text, arg).map_err(without_secret)
    }

    fn fault<T: DeserializeOwned>(text: &str, arg: &str) -> (String, Option<String>, String) {
        let e = typed_arg::<T>(text, arg).map(|_| ()).expect_err("an error");
        (e.code().to_string(), e.path.clone(), e.message.clone())
    }

    #[test]
    fn a_date_where_seconds_are_wanted_is_told_how_to_give_them() {
        let (code, path, message) = fault::<PrepareOptions>(r#"{"timestamp":"2026-12-02T07:00:00.000Z"}"#, "options");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("options.timestamp")));
        assert!(message.contains("Math.floor(date.getTime() / 1000)"), "{message}");
        // Any other text is the plain type error.
        let (_, _, message) = fault::<PrepareOptions>(r#"{"timestamp":"soon"}"#, "options");
        assert!(message.starts_with("invalid type: string \"soon\""), "{message}");
    }

    #[test]
    fn the_member_at_fault_is_named() {
        let (code, path, _) = fault::<Credentials>(r#"{"secret_key":"k"}"#, "credentials");
        assert_eq!((code.as_str(), path.as_deref()), ("MissingField", Some("credentials.secret_id")));
        // A key under another name is refused, not dropped.
        let e = secret_safe::<Credentials>(r#"{"secret_id":"a","secret_key":"k","secretKey":"k2"}"#, "credentials")
            .map(|_| ())
            .expect_err("secretKey");
        assert_eq!((e.code(), e.path.as_deref()), ("InvalidField", Some("credentials.secretKey")));
        assert!(e.message.contains("secret_key") && !e.message.contains("k2"), "{}", e.message);
        let e =
            secret_safe::<Credentials>(r#"{"secret_id":"a","secret_key":"k","sessionToken":"t"}"#, "credentials").err();
        assert_eq!(e.and_then(|e| e.path).as_deref(), Some("credentials.sessionToken"));
        assert!(secret_safe::<Credentials>(
            r#"{"secret_id":"a","secret_key":"k","profile":"ordinary"}"#,
            "credentials"
        )
        .is_ok());
        let (code, path, message) = fault::<Credentials>(r#"{"secret_id":"a","secret_key":7}"#, "credentials");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("credentials.secret_key")));
        assert!(message.contains("expected a string"), "{message}");
        let (code, path, message) = fault::<PrepareOptions>(r#"{"timestamp":"1700000000"}"#, "options");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("options.timestamp")));
        assert!(message.ends_with("expected an integer"), "{message}");
        let (code, path, message) = fault::<PrepareOptions>(r#"{"timestamp":1,"allowInvalid":true}"#, "options");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("options.allowInvalid")));
        assert!(message.starts_with("is not a known field: expected one of `timestamp`"), "{message}");
    }

    #[test]
    fn a_field_missing_inside_a_member_names_the_member() {
        let text = r#"{"method":"POST","url":"https://a.b/","credentials":[{"secret_id":"A","secret_key":"k"},{"secret_id":"AKID"}],"now":1}"#;
        let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
        assert_eq!((e.code(), e.path.as_deref()), ("MissingField", Some("credentials[1]")));
        assert!(e.message.contains("secret_key"), "{}", e.message);
        // The argument's own field, missing, is named as itself.
        let text = r#"{"method":"POST","url":"https://a.b/","credentials":[]}"#;
        let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
        assert_eq!((e.code(), e.path.as_deref()), ("MissingField", Some("now")));
        // A field it has no place for would be checked as absent: the body, here.
        let text = r#"{"method":"POST","url":"https://a.b/","credentials":[],"now":1,"payload":"{}"}"#;
        let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
        assert_eq!((e.code(), e.path.as_deref()), ("InvalidField", Some("payload")));
        assert!(e.message.contains("`body`"), "{}", e.message);
    }

    #[test]
    fn a_name_given_twice_is_refused() {
        let e = typed::<Credentials>(r#"{"secret_id":"a","secret_key":"one","secret_key":"two"}"#)
            .map(|_| ())
            .expect_err("an error");
        assert!(e.to_string().starts_with("duplicate field `secret_key`"), "{e}");
        let e = typed::<Value>(r#"{"a":[{"b":1,"b":2}]}"#).map(|_| ()).expect_err("an error");
        assert!(e.to_string().starts_with("duplicate field `b`"), "{e}");
        assert_eq!(typed::<Value>(r#"{"a":1,"b":[1.5,-2,"x",null,true,{}]}"#).unwrap()["b"][0], 1.5);
    }

    #[test]
    fn a_credential_in_the_wrong_shape_is_not_quoted() {
        let text = r#"{"method":"POST","url":"https://a.b/","credentials":[{"secret_id":"A","secret_key":987654321}],"now":1}"#;
        let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
        assert_eq!(e.path.as_deref(), Some("credentials[0]"));
        assert!(!e.message.contains("987654321"), "{}", e.message);
        // One pair, as prepare takes it, is a list of one.
        let text =
            r#"{"method":"POST","url":"https://a.b/","credentials":{"secret_id":"A","secret_key":"s3cr3t"},"now":1}"#;
        let one = crate::verify::VerifyWireInput::from_json(text.as_bytes()).expect("one pair is read");
        assert_eq!(one.credentials.iter().map(|c| c.secret_id.as_str()).collect::<Vec<_>>(), ["A"]);
        // Neither one nor a list: said so, still without the value.
        for given in [r#""s3cr3t""#, "987654321"] {
            let text = format!(r#"{{"method":"POST","url":"https://a.b/","credentials":{given},"now":1}}"#);
            let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
            assert_eq!(e.path.as_deref(), Some("credentials"));
            assert!(
                e.message.starts_with("must be {secret_id, secret_key, token?} or a list of them"),
                "{}",
                e.message
            );
            assert!(!e.message.contains("s3cr3t") && !e.message.contains("987654321"), "{}", e.message);
        }
        // A wrong or missing member of the one pair is named as prepare names it.
        for (one, code, path) in [
            (r#"{"secret_id":"A","secret_key":987654321}"#, "InvalidField", "credentials.secret_key"),
            (r#"{"secret_id":"A"}"#, "MissingField", "credentials.secret_key"),
            (
                r#"{"secret_id":"A","secret_key":"k","sessionToken":"t0k3n"}"#,
                "InvalidField",
                "credentials.sessionToken",
            ),
        ] {
            let text = format!(r#"{{"method":"POST","url":"https://a.b/","credentials":{one},"now":1}}"#);
            let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
            assert_eq!((e.code(), e.path.as_deref()), (code, Some(path)), "{one}: {}", e.message);
            assert!(!e.message.contains("987654321") && !e.message.contains("t0k3n"), "{}", e.message);
        }
        // The token under another name, in the list: named, with its element, and not quoted.
        let text = r#"{"method":"POST","url":"https://a.b/","credentials":[{"secret_id":"A","secret_key":"k","sessionToken":"t0k3n"}],"now":1}"#;
        let e = crate::verify::VerifyWireInput::from_json(text.as_bytes()).map(|_| ()).expect_err("an error");
        assert_eq!((e.code(), e.path.as_deref()), ("InvalidField", Some("credentials[0]")));
        assert!(e.message.starts_with("'sessionToken' is not read") && !e.message.contains("t0k3n"), "{}", e.message);
        let e = typed_arg::<Credentials>(r#"{"secret_id":"A","secret_key":987654321}"#, "credentials")
            .map_err(without_secret)
            .map(|_| ())
            .expect_err("an error");
        assert_eq!((e.code(), e.path.as_deref()), ("InvalidField", Some("credentials.secret_key")));
        assert!(!e.message.contains("987654321"), "{}", e.message);
    }

    #[test]
    fn the_hot_read_names_members_as_the_other_does() {
        for text in [
            r#"{"secret_key":"k"}"#,
            r#"{"secret_id":"a","secret_key":7}"#,
            r#"{"secret_id":"a","secret_id":"b","secret_key":"k"}"#,
        ] {
            let (hot, typed) =
                (hot_arg::<Credentials>(text, "credentials"), typed_arg::<Credentials>(text, "credentials"));
            let (hot, typed) = (hot.map(|_| ()).expect_err("an error"), typed.map(|_| ()).expect_err("an error"));
            assert_eq!((hot.code(), hot.path.clone()), (typed.code(), typed.path.clone()), "{text}");
        }
    }

    #[test]
    fn what_no_member_explains_names_the_argument() {
        for text in ["{\"secret_id\":", "\"text\""] {
            let (code, path, _) = fault::<Credentials>(text, "credentials");
            assert_eq!((code.as_str(), path.as_deref()), ("InvalidJson", Some("credentials")), "{text}");
        }
    }

    /// serde reads a struct from a list of its fields in order as well: a swapped pair would
    /// have signed with the secret as the id, and sent it.
    #[test]
    fn an_object_given_as_a_list_is_refused() {
        for text in [r#"["key","id"]"#, r#" ["id","key","token"]"#, "[]"] {
            for e in [typed_arg::<Credentials>(text, "credentials"), hot_arg::<Credentials>(text, "credentials")] {
                let e = e.map(|_| ()).expect_err(text);
                assert_eq!((e.code(), e.path.as_deref()), ("InvalidField", Some("credentials")), "{text}");
                assert!(!e.message.contains("key"), "{}", e.message);
            }
        }
        assert!(typed_arg::<Credentials>(r#"{"secret_id":"id","secret_key":"key"}"#, "credentials").is_ok());
    }
}
