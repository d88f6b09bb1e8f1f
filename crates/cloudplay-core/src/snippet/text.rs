//! Literals in each target language, and the parameter tree they are written from.
//!
//! Every string the user typed reaches generated code through one of the quoting functions
//! here, so escaping bugs have one place to live and one place to be tested.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

use serde_json::Value;

use crate::build::ordered;
use crate::error::{Error, ErrorKind, Result};
use crate::number::{number_as_int, parse_decimal};
use crate::spec::{ApiSpec, Param, ParamType, MAX_DEPTH};

/// The largest integer a JavaScript Number holds exactly (2^53 - 1).
pub const JS_MAX_SAFE: i128 = 9_007_199_254_740_991;

/// Parameters as the SDK call should carry them: members in the spec's order, integers
/// exact (an integer parameter given as a decimal string becomes a number, as `build` does).
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i128),
    /// A non-integer number, already in JSON notation (also valid Python, JS and Go JSON).
    Float(String),
    Str(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The call's parameters as a tree; `Null` parameters are left out, as `build` leaves them.
    pub fn from_params(spec: &ApiSpec, params: &Value) -> Result<Node> {
        match params {
            Value::Null => Ok(Node::Map(Vec::new())),
            Value::Object(map) => {
                let mut members = Vec::with_capacity(map.len());
                for e in ordered(Some(&spec.params), map) {
                    members.push((e.name.to_string(), Node::of(spec, e.param, e.value, 1)?));
                }
                Ok(Node::Map(members))
            }
            _ => Err(Error::at(ErrorKind::InvalidField, "params", "the parameters must be a JSON object")),
        }
    }

    fn of(spec: &ApiSpec, param: Option<&Param>, value: &Value, depth: usize) -> Result<Node> {
        if depth > MAX_DEPTH {
            return Err(Error::at(
                ErrorKind::InvalidField,
                param.map_or("params", |p| p.name.as_str()),
                format!("the value nests deeper than {MAX_DEPTH} levels"),
            ));
        }
        let ty = param.map(|p| p.ty);
        Ok(match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => match number_as_int(n) {
                Some(i) => Node::Int(i),
                None => Node::Float(n.to_string()),
            },
            Value::String(s) => match (ty, parse_decimal(s)) {
                (Some(ParamType::Int64), Ok(i)) if i64::try_from(i).is_ok() => Node::Int(i),
                (Some(ParamType::Uint64), Ok(i)) if u64::try_from(i).is_ok() => Node::Int(i),
                _ => Node::Str(s.clone()),
            },
            Value::Array(items) => {
                let item = param.filter(|p| p.ty == ParamType::Array).and_then(|p| p.items.as_deref());
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    out.push(Node::of(spec, item, v, depth + 1)?);
                }
                Node::List(out)
            }
            Value::Object(map) => {
                let fields = param.filter(|p| p.ty == ParamType::Object).and_then(|p| spec.fields_of(p));
                let mut members = Vec::with_capacity(map.len());
                for e in ordered(fields, map) {
                    members.push((e.name.to_string(), Node::of(spec, e.param, e.value, depth + 1)?));
                }
                Node::Map(members)
            }
        })
    }

    /// Whether any integer in the tree is beyond what a JavaScript Number holds exactly.
    pub fn has_unsafe_int(&self) -> bool {
        match self {
            Node::Int(i) => i.unsigned_abs() > JS_MAX_SAFE.unsigned_abs(),
            Node::List(items) => items.iter().any(Node::has_unsafe_int),
            Node::Map(members) => members.iter().any(|(_, v)| v.has_unsafe_int()),
            _ => false,
        }
    }
}

/// How a language spells the scalars of a [`Node`]; containers are shared (all three targets
/// write `{"k": v}` and `[a, b]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// JSON text (embedded in Go and read with `UseNumber`).
    Json,
    Python,
    /// A JavaScript expression: integers past 2^53 become BigInt literals.
    JavaScript,
}

/// Writes `node` pretty-printed with two-space indentation; nested lines start with `indent`.
pub fn render(node: &Node, dialect: Dialect, indent: &str) -> String {
    let mut out = String::new();
    write_node(&mut out, node, dialect, indent, 0);
    out
}

fn write_node(out: &mut String, node: &Node, d: Dialect, indent: &str, level: usize) {
    let pad = |out: &mut String, level: usize| {
        out.push_str(indent);
        for _ in 0..level {
            out.push_str("  ");
        }
    };
    match node {
        Node::Null => out.push_str(if d == Dialect::Python { "None" } else { "null" }),
        Node::Bool(b) => out.push_str(match (d, b) {
            (Dialect::Python, true) => "True",
            (Dialect::Python, false) => "False",
            (_, true) => "true",
            (_, false) => "false",
        }),
        Node::Int(i) => {
            let _ = write!(out, "{i}");
            if d == Dialect::JavaScript && i.unsigned_abs() > JS_MAX_SAFE.unsigned_abs() {
                out.push('n');
            }
        }
        Node::Float(f) => out.push_str(f),
        Node::Str(s) => out.push_str(&string_literal(s, d)),
        Node::List(items) if items.is_empty() => out.push_str("[]"),
        Node::Map(members) if members.is_empty() => out.push_str("{}"),
        Node::List(items) => {
            out.push_str("[\n");
            for (i, v) in items.iter().enumerate() {
                pad(out, level + 1);
                write_node(out, v, d, indent, level + 1);
                out.push_str(if i + 1 < items.len() || d != Dialect::Json { ",\n" } else { "\n" });
            }
            pad(out, level);
            out.push(']');
        }
        Node::Map(members) => {
            out.push_str("{\n");
            for (i, (k, v)) in members.iter().enumerate() {
                pad(out, level + 1);
                out.push_str(&string_literal(k, d));
                out.push_str(": ");
                write_node(out, v, d, indent, level + 1);
                out.push_str(if i + 1 < members.len() || d != Dialect::Json { ",\n" } else { "\n" });
            }
            pad(out, level);
            out.push('}');
        }
    }
}

fn string_literal(s: &str, d: Dialect) -> String {
    match d {
        Dialect::Python => py_str(s),
        Dialect::JavaScript => js_str(s),
        Dialect::Json => json_str(s),
    }
}

/// A JSON string. Also escapes the backtick, so the JSON text can sit inside a Go raw string
/// literal (which has no escape for it), and U+2028/U+2029.
pub fn json_str(s: &str) -> String {
    escape(s, '"', |c| matches!(c, '`' | '\u{2028}' | '\u{2029}'), Unicode::U4)
}

/// A JavaScript string literal: JSON's rules, plus the line and paragraph separators that
/// engines before ES2019 refused inside string literals.
pub fn js_str(s: &str) -> String {
    escape(s, '"', |c| matches!(c, '\u{2028}' | '\u{2029}'), Unicode::U4)
}

/// A Python 3 `str` literal in double quotes.
pub fn py_str(s: &str) -> String {
    escape(s, '"', |c| matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}'), Unicode::PyOrGo)
}

/// A Go interpreted string literal.
pub fn go_str(s: &str) -> String {
    escape(s, '"', |c| matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}'), Unicode::PyOrGo)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unicode {
    /// `\uXXXX`, surrogate pairs past the BMP (JSON, JS).
    U4,
    /// `\uXXXX` / `\UXXXXXXXX` (Python, Go).
    PyOrGo,
}

fn escape(s: &str, quote: char, extra: impl Fn(char) -> bool, unicode: Unicode) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || extra(c) => {
                let code = c as u32;
                if code <= 0xFFFF {
                    let _ = write!(out, "\\u{code:04x}");
                } else if unicode == Unicode::PyOrGo {
                    let _ = write!(out, "\\U{code:08x}");
                } else {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        let _ = write!(out, "\\u{u:04x}");
                    }
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// One POSIX shell word: bare when it is plainly safe, else in single quotes with each `'`
/// written as `'\''`. Inside single quotes nothing is special, not even a newline or `$`.
pub fn sh_quote(s: &str) -> String {
    let safe = !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_@%+=:,./-".contains(&b));
    if safe {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// Text safe inside a one-line comment: control characters (a newline would end the comment
/// and start code) become `?`.
pub fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') { '?' } else { c }).collect()
}

/// Prefixes every line of `text` with `prefix` (a comment marker), for multi-line notes.
pub fn comment_lines(prefix: &str, text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(prefix);
        if !line.is_empty() {
            out.push(' ');
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_survive_every_special_character() {
        assert_eq!(sh_quote("ap-guangzhou"), "ap-guangzhou");
        assert_eq!(sh_quote(""), "''");
        assert_eq!(sh_quote("it's"), "'it'\\''s'");
        assert_eq!(sh_quote("$HOME `id` \\ \"q\"\nx"), "'$HOME `id` \\ \"q\"\nx'");
        assert_eq!(sh_quote("--SystemDisk.DiskSize"), "--SystemDisk.DiskSize");
    }

    #[test]
    fn string_literals_escape_what_each_language_needs() {
        let s = "a\"b\\c\nd`e\u{2028}\u{1}\u{1F600}é";
        assert_eq!(json_str(s), "\"a\\\"b\\\\c\\nd\\u0060e\\u2028\\u0001\u{1F600}é\"");
        assert_eq!(js_str(s), "\"a\\\"b\\\\c\\nd`e\\u2028\\u0001\u{1F600}é\"");
        assert_eq!(py_str(s), "\"a\\\"b\\\\c\\nd`e\\u2028\\u0001\u{1F600}é\"");
        assert_eq!(go_str("\u{7f}\u{9f}"), "\"\\u007f\\u009f\"");
    }

    #[test]
    fn big_integers_become_bigint_only_in_javascript() {
        let n = Node::Map(alloc::vec![
            ("Small".into(), Node::Int(JS_MAX_SAFE)),
            ("Big".into(), Node::Int(JS_MAX_SAFE + 2)),
            ("L".into(), Node::List(alloc::vec![Node::Bool(true), Node::Null])),
        ]);
        let js = render(&n, Dialect::JavaScript, "");
        assert!(js.contains("\"Small\": 9007199254740991,") && js.contains("\"Big\": 9007199254740993n,"), "{js}");
        let json = render(&n, Dialect::Json, "");
        assert_eq!(
            json,
            "{\n  \"Small\": 9007199254740991,\n  \"Big\": 9007199254740993,\n  \"L\": [\n    true,\n    null\n  ]\n}"
        );
        assert!(render(&n, Dialect::Python, "").contains("True,\n    None,\n"));
        assert!(n.has_unsafe_int());
    }
}
