//! The inverse of the flattening `build` does: wire pairs such as `SystemDisk.DiskSize=250` or
//! `Parameter.1.Code=disk` back into the JSON structure a caller would have passed, so a server
//! can validate what it received with the same rules as the client.
//!
//! The spec guides the reading: a declared array takes numbered elements (`base` is 0 for
//! Tencent, 1 for Alibaba), a declared object takes named fields, and scalars take their declared
//! type where the text is unambiguous (`true`/`True` for a bool, an integer that fits for an
//! integer, a decimal for a float). Anything else stays a string, so validation reports it with
//! the type it expected. Undeclared names are read by shape: a numeric segment is an index.

use alloc::collections::btree_map::Entry;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Number, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::float::parse_f64;
use crate::number::{int_to_number, parse_decimal};
use crate::spec::{ApiSpec, Param, ParamType, MAX_DEPTH};

/// The largest element index accepted on the wire. Vendors cap lists far below it (Alibaba's
/// `Parameter.N` goes to 100); the bound keeps a hostile `Name.99999999.X` from allocating.
pub const MAX_INDEX: usize = 1000;

/// A tree being rebuilt: leaves keep their text until the end, when the spec types them.
#[derive(Debug)]
enum Node {
    Leaf(String),
    Object(BTreeMap<String, Node>),
    /// Elements by wire index, sorted; holes are read as JSON null. A sorted Vec rather than a
    /// second BTreeMap type, which would bring its own copy of the B-tree code into the npm
    /// module: indices are capped at MAX_INDEX, so an insert moves at most that many elements.
    Array(Vec<(usize, Node)>),
}

/// Rebuilds the parameters from `(name, value)` pairs. Errors name the pair that conflicts with
/// another (`A=1` and `A.B=2`), repeats a name, or uses an index outside `base..=MAX_INDEX`.
pub fn unflatten(spec: &ApiSpec, pairs: &[(String, String)], base: usize) -> Result<Value> {
    let mut root = Node::Object(BTreeMap::new());
    for (name, value) in pairs {
        let segments: Vec<&str> = name.split('.').collect();
        if segments.len() > MAX_DEPTH || segments.iter().any(|s| s.is_empty()) {
            return Err(bad(
                name,
                format!("'{name}' is not a parameter name (an empty segment, or nested deeper than {MAX_DEPTH})"),
                format!("'{name}' 不是参数名（有空的一段，或嵌套超过 {MAX_DEPTH} 层）。"),
            ));
        }
        let at = Pair { name, value, base };
        put(spec, &mut root, Decl::Top, &segments, &at)?;
    }
    let Node::Object(fields) = root else { return Ok(Value::Object(Map::new())) };
    let mut out = Map::new();
    for (name, node) in fields {
        let param = spec.params.iter().find(|p| p.name == name);
        out.insert(name, finish(spec, param, node));
    }
    Ok(Value::Object(out))
}

fn bad(name: &str, why: String, why_zh: String) -> Error {
    Error::at(ErrorKind::InvalidField, name, why).zh(why_zh)
}

/// The pair being placed, for error messages and leaves.
struct Pair<'a> {
    name: &'a str,
    value: &'a str,
    base: usize,
}

/// What declares the children of a node: the spec's top-level parameters, or one parameter
/// (absent when undeclared).
#[derive(Clone, Copy)]
enum Decl<'a> {
    Top,
    Param(Option<&'a Param>),
}

/// Places the rest of a name (`segments`, never empty) below `node`.
fn put(spec: &ApiSpec, node: &mut Node, decl: Decl<'_>, segments: &[&str], at: &Pair<'_>) -> Result<()> {
    let Some((&seg, tail)) = segments.split_first() else { return Ok(()) };
    match node {
        Node::Leaf(_) => Err(bad(
            at.name,
            format!("'{}' nests under a name that also has a value of its own", at.name),
            format!("'{}' 嵌套在一个自身也有值的名称之下。", at.name),
        )),
        Node::Object(fields) => {
            let child = match decl {
                Decl::Top => spec.params.iter().find(|p| p.name == seg),
                Decl::Param(p) => p
                    .filter(|p| p.ty == ParamType::Object)
                    .and_then(|p| spec.fields_of(p))
                    .and_then(|fs| fs.iter().find(|f| f.name == seg)),
            };
            let (fresh, slot) = match fields.entry(seg.to_string()) {
                Entry::Vacant(v) => (true, v.insert(Node::Leaf(String::new()))),
                Entry::Occupied(o) => (false, o.into_mut()),
            };
            descend(spec, slot, fresh, child, tail, at)
        }
        Node::Array(items) => {
            // A list of at most N items is numbered base to base + N - 1 (BSS's "N: 1 to 100").
            let last = match decl {
                Decl::Param(Some(p)) => p.max_items.and_then(|m| usize::try_from(m).ok()),
                _ => None,
            }
            .map_or(MAX_INDEX, |m| (at.base + m).saturating_sub(1).min(MAX_INDEX));
            let index = parse_index(seg).filter(|i| *i >= at.base && *i <= last).ok_or_else(|| {
                bad(
                    at.name,
                    format!("'{}': list elements are numbered {} to {last}, not '{seg}'", at.name, at.base),
                    format!("'{}'：列表元素的编号为 {} 到 {last}，不能是 '{seg}'。", at.name, at.base),
                )
            })?;
            let child = match decl {
                Decl::Top => None,
                Decl::Param(p) => p.and_then(|p| p.items.as_deref()),
            };
            let (fresh, at_pos) = match items.binary_search_by_key(&index, |(i, _)| *i) {
                Ok(found) => (false, found),
                Err(pos) => {
                    items.insert(pos, (index, Node::Leaf(String::new())));
                    (true, pos)
                }
            };
            descend(spec, &mut items[at_pos].1, fresh, child, tail, at)
        }
    }
}

/// Places the rest of a name in `slot`; a `fresh` slot was just made for it, with a placeholder
/// that is always replaced.
fn descend(
    spec: &ApiSpec,
    slot: &mut Node,
    fresh: bool,
    param: Option<&Param>,
    tail: &[&str],
    at: &Pair<'_>,
) -> Result<()> {
    match (tail.first(), fresh) {
        (None, true) => {
            *slot = Node::Leaf(at.value.to_string());
            Ok(())
        }
        (None, false) => match slot {
            Node::Leaf(_) => {
                Err(bad(at.name, format!("'{}' is given twice", at.name), format!("'{}' 出现了两次。", at.name)))
            }
            _ => Err(bad(
                at.name,
                format!("'{}' has a value and also nested fields", at.name),
                format!("'{}' 既有值又有嵌套字段。", at.name),
            )),
        },
        (Some(next), fresh) => {
            if fresh {
                *slot = if wants_index(param, next) { Node::Array(Vec::new()) } else { Node::Object(BTreeMap::new()) };
            }
            put(spec, slot, Decl::Param(param), tail, at)
        }
    }
}

/// Whether the next segment numbers an element: by declaration, else by its digits.
fn wants_index(param: Option<&Param>, next: &str) -> bool {
    match param.map(|p| p.ty) {
        Some(ParamType::Array) => true,
        Some(_) => false,
        None => !next.is_empty() && next.bytes().all(|b| b.is_ascii_digit()),
    }
}

fn parse_index(seg: &str) -> Option<usize> {
    if seg.is_empty() || seg.len() > 6 || !seg.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    seg.parse().ok()
}

fn finish(spec: &ApiSpec, param: Option<&Param>, node: Node) -> Value {
    match node {
        Node::Leaf(text) => scalar(param.map(|p| p.ty), text),
        Node::Object(fields) => {
            let declared = param.filter(|p| p.ty == ParamType::Object).and_then(|p| spec.fields_of(p));
            let mut out = Map::new();
            for (name, child) in fields {
                let p = declared.and_then(|fs| fs.iter().find(|f| f.name == name));
                out.insert(name, finish(spec, p, child));
            }
            Value::Object(out)
        }
        Node::Array(items) => {
            let item = param.and_then(|p| p.items.as_deref());
            let len = items.last().map_or(0, |(last, _)| last + 1);
            let first = items.first().map_or(0, |(i, _)| *i);
            // Elements keep their order; a list numbered from `base` starts at its first index.
            let mut out = Vec::with_capacity(len.saturating_sub(first));
            let mut items = items.into_iter().peekable();
            for i in first..len {
                match items.peek() {
                    Some((k, _)) if *k == i => {
                        let (_, child) = items.next().unwrap_or((i, Node::Leaf(String::new())));
                        out.push(finish(spec, item, child));
                    }
                    _ => out.push(Value::Null),
                }
            }
            Value::Array(out)
        }
    }
}

fn scalar(ty: Option<ParamType>, text: String) -> Value {
    match ty {
        Some(ParamType::Bool) => match text.as_str() {
            "true" | "True" | "TRUE" => Value::Bool(true),
            "false" | "False" | "FALSE" => Value::Bool(false),
            _ => Value::String(text),
        },
        Some(ParamType::Int64 | ParamType::Uint64) => match parse_decimal(&text).ok().and_then(int_to_number) {
            Some(n) => Value::Number(n),
            None => Value::String(text),
        },
        Some(ParamType::Float) => match parse_f64(&text).and_then(Number::from_f64) {
            Some(n) => Value::Number(n),
            None => Value::String(text),
        },
        _ => Value::String(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use serde_json::json;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn spec(id: &str) -> ApiSpec {
        crate::catalog::builtin_spec(id).unwrap().unwrap()
    }

    #[test]
    fn alibaba_lists_are_numbered_from_one() {
        let s = spec("bssopenapi/2017-12-14/CreateInstance");
        let v = unflatten(
            &s,
            &pairs(&[
                ("ProductCode", "oss"),
                ("Period", "12"),
                ("Parameter.2.Code", "Region"),
                ("Parameter.1.Code", "InstanceType"),
                ("Parameter.1.Value", "disk"),
                ("Parameter.2.Value", "cn-hangzhou"),
            ]),
            1,
        )
        .unwrap();
        assert_eq!(
            v,
            json!({
                "ProductCode": "oss",
                "Period": 12,
                "Parameter": [{"Code": "InstanceType", "Value": "disk"}, {"Code": "Region", "Value": "cn-hangzhou"}]
            })
        );
        let err = unflatten(&s, &pairs(&[("Parameter.0.Code", "x")]), 1).unwrap_err();
        assert_eq!(err.path.as_deref(), Some("Parameter.0.Code"));
    }

    #[test]
    fn nested_objects_and_typed_scalars_come_back() {
        let s = spec("hai/2023-08-12/RunInstances");
        let v = unflatten(
            &s,
            &pairs(&[
                ("ApplicationId", "app-x"),
                ("SystemDisk.DiskSize", "250"),
                ("SystemDisk.DiskType", "CLOUD_PREMIUM"),
                ("DryRun", "True"),
                ("InstanceCount", "abc"),
            ]),
            0,
        )
        .unwrap();
        assert_eq!(
            v,
            json!({
                "ApplicationId": "app-x",
                "SystemDisk": {"DiskSize": 250, "DiskType": "CLOUD_PREMIUM"},
                "DryRun": true,
                "InstanceCount": "abc"
            })
        );
    }

    #[test]
    fn float_parameters_are_numbers_when_they_parse_finite() {
        let mut s = spec("hai/2023-08-12/RunInstances");
        s.params.push(Param::new("Ratio", ParamType::Float));
        for (text, want) in [
            ("1.", "1.0"),
            (".5", "0.5"),
            ("+1", "1.0"),
            ("-0", "-0.0"),
            ("2.5E-3", "0.0025"),
            ("0.1", "0.1"),
            ("1e400", "\"1e400\""),
            ("inf", "\"inf\""),
            ("NaN", "\"NaN\""),
            ("1,5", "\"1,5\""),
            (" 1", "\" 1\""),
        ] {
            let v = unflatten(&s, &pairs(&[("Ratio", text)]), 0).unwrap();
            assert_eq!(v["Ratio"].to_string(), want, "{text}");
        }
    }

    #[test]
    fn conflicts_repeats_and_huge_indices_are_refused() {
        let s = spec("hai/2023-08-12/RunInstances");
        for bad in [
            vec![("SystemDisk", "1"), ("SystemDisk.DiskSize", "2")],
            vec![("SystemDisk.DiskSize", "2"), ("SystemDisk", "1")],
            vec![("InstanceName", "a"), ("InstanceName", "b")],
            vec![("Extra.99999999", "x")],
            vec![("A..B", "x")],
        ] {
            assert!(unflatten(&s, &pairs(&bad), 0).is_err(), "{bad:?}");
        }
        let v = unflatten(&s, &pairs(&[("Extra.0.Name", "a"), ("Extra.2.Name", "b")]), 0).unwrap();
        assert_eq!(v, json!({"Extra": [{"Name": "a"}, null, {"Name": "b"}]}));
    }

    #[test]
    fn a_declared_list_is_numbered_up_to_its_most_items() {
        let s = spec("bssopenapi/2017-12-14/CreateInstance");
        let max = s.params.iter().find(|p| p.name == "Parameter").unwrap().max_items.unwrap();
        let last = format!("Parameter.{max}.Code");
        assert!(unflatten(&s, &pairs(&[(&last, "a")]), 1).is_ok());
        let past = format!("Parameter.{}.Code", max + 1);
        let e = unflatten(&s, &pairs(&[(&past, "a")]), 1).unwrap_err();
        assert!(e.message.contains(&format!("numbered 1 to {max}, not '{}'", max + 1)), "{}", e.message);
    }

    #[test]
    fn round_trips_what_build_flattens() {
        let s = spec("bssopenapi/2017-12-14/CreateInstance");
        let params = s.examples[0].params.clone();
        let mut flat = Vec::new();
        for (k, v) in params.as_object().unwrap() {
            crate::build::flatten(&s, k.clone(), s.params.iter().find(|p| p.name == *k), v, 1, 0, &mut flat).unwrap();
        }
        assert_eq!(unflatten(&s, &flat, 1).unwrap(), params);
    }
}
