//! Typed reads of JSON text.
//!
//! Every typed read goes through one parse into a [`Value`]: serde_json's text reader is
//! generic over the target type, so reading each type straight from text gave every type its
//! own copy of the parser (31 of them, 8 KB gzip of the npm module). A syntax error still names
//! its line and column; a shape error names the field and the type expected.

use alloc::format;
use alloc::string::{String, ToString};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{Error, ErrorKind};

/// Parses `text` into `T` by way of a [`Value`].
pub fn typed<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str::<Value>(text).and_then(T::deserialize)
}

/// [`typed`] for an argument named `arg`: an error names the member at fault
/// (`credentials.secret_id`, or `secret_id` when `arg` is empty) where the object's own
/// members show it.
pub fn typed_arg<T: DeserializeOwned>(text: &str, arg: &str) -> Result<T, Error> {
    typed(text).map_err(|e| member_at_fault::<T>(text, arg, &e))
}

/// serde's errors do not say where they arose, so each member is read again on its own:
/// alone in an object, a member with the wrong type or an unknown name still fails, while
/// the others are only missing. Only on failure, so it costs nothing when the read succeeds.
fn member_at_fault<T: DeserializeOwned>(text: &str, arg: &str, e: &serde_json::Error) -> Error {
    let message = e.to_string();
    let within = |name: &str| if arg.is_empty() { name.to_string() } else { format!("{arg}.{name}") };
    let whole = if arg.is_empty() {
        Error::new(ErrorKind::InvalidJson, message.clone())
    } else {
        Error::at(ErrorKind::InvalidJson, arg, message.clone())
    };
    let Ok(Value::Object(members)) = serde_json::from_str::<Value>(text) else {
        return whole;
    };
    if let Some(name) = message.strip_prefix("missing field `").and_then(|m| m.strip_suffix('`')) {
        if !members.contains_key(name) {
            return Error::at(ErrorKind::MissingField, within(name), "is required");
        }
    }
    for (name, value) in members {
        let at = within(&name);
        let alone = Value::Object(Map::from_iter([(name, value)]));
        if let Err(e) = T::deserialize(alone) {
            let why = e.to_string();
            if !why.starts_with("missing field `") {
                return Error::at(ErrorKind::InvalidField, at, strip_unknown_prefix(why));
            }
        }
    }
    whole
}

/// "unknown field `secretId`, expected one of …" already names the member: keep the rest.
fn strip_unknown_prefix(why: String) -> String {
    match why.strip_prefix("unknown field `").and_then(|r| r.split_once("`, ")) {
        Some((_, rest)) => format!("is not a known field: {rest}"),
        None => why.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Credentials, PrepareOptions};

    fn fault<T: DeserializeOwned>(text: &str, arg: &str) -> (String, Option<String>, String) {
        let e = typed_arg::<T>(text, arg).err().expect("an error");
        (e.code().to_string(), e.path.clone(), e.message.clone())
    }

    #[test]
    fn the_member_at_fault_is_named() {
        let (code, path, _) = fault::<Credentials>(r#"{"secretId":"a","secretKey":"k"}"#, "credentials");
        assert_eq!((code.as_str(), path.as_deref()), ("MissingField", Some("credentials.secret_id")));
        let (code, path, message) = fault::<Credentials>(r#"{"secret_id":"a","secret_key":7}"#, "credentials");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("credentials.secret_key")));
        assert!(message.contains("expected a string"), "{message}");
        let (code, path, message) = fault::<PrepareOptions>(r#"{"timestamp":"1700000000"}"#, "options");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("options.timestamp")));
        assert!(message.contains("expected i64"), "{message}");
        let (code, path, message) = fault::<PrepareOptions>(r#"{"timestamp":1,"allowInvalid":true}"#, "options");
        assert_eq!((code.as_str(), path.as_deref()), ("InvalidField", Some("options.allowInvalid")));
        assert!(message.starts_with("is not a known field: expected one of `timestamp`"), "{message}");
    }

    #[test]
    fn what_no_member_explains_names_the_argument() {
        for text in ["[1]", "{\"secret_id\":", "\"text\""] {
            let (code, path, _) = fault::<Credentials>(text, "credentials");
            assert_eq!((code.as_str(), path.as_deref()), ("InvalidJson", Some("credentials")), "{text}");
        }
    }
}
