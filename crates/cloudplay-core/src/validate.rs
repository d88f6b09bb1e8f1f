//! Validation of a call's parameters against a spec: every violation at once, each with the
//! field path, a code from the vendor's vocabulary and a message in English and Chinese.
//!
//! Paths name fields by their JSON names, dotted for objects and with the **0-based index of the
//! caller's JSON array** in brackets: `SystemDisk.DiskSize`, `Parameter[3].Code`. (Alibaba puts
//! that element on the wire as `Parameter.4.Code`: its wire index is 1-based, ours is not.)
//! An empty path means the parameters as a whole. A JSON `null` counts as absent.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::{Map, Value};

use crate::number::{cmp_int_bound, cmp_numbers, integer_of, IntError};
use crate::prepare::Call;
use crate::spec::{ApiSpec, ApiStyle, Format, Param, ParamType, Presence, MAX_DEPTH};

/// At most this many violations are listed, then one more says the list was cut.
pub const MAX_VIOLATIONS: usize = 100;

pub use crate::error::Violation;

/// The codes each vendor uses for the generic failures.
#[derive(Debug, Clone, Copy)]
struct Vocab {
    missing: &'static str,
    /// Wrong JSON type, wrong shape.
    invalid_type: &'static str,
    /// Right type, value out of bounds or not allowed.
    invalid_value: &'static str,
    unknown: &'static str,
}

fn vocab(style: Option<ApiStyle>) -> Vocab {
    match style {
        // Alibaba answers both type and value problems with InvalidParameter. Its gateway ignores
        // undeclared parameters; UnknownParameter is our name for that, spelled like the vendor's.
        Some(ApiStyle::AlibabaRpc) => Vocab {
            missing: "MissingParameter",
            invalid_type: "InvalidParameter",
            invalid_value: "InvalidParameter",
            unknown: "UnknownParameter",
        },
        _ => Vocab {
            missing: "MissingParameter",
            invalid_type: "InvalidParameter",
            invalid_value: "InvalidParameterValue",
            unknown: "UnknownParameter",
        },
    }
}

/// Validates business parameters (a JSON object) against the spec.
pub fn validate(spec: &ApiSpec, params: &Value) -> Vec<Violation> {
    let mut v = Validator::new(Some(spec));
    v.params(params);
    v.out
}

/// Validates a whole call: the region the API needs, then the parameters.
pub fn validate_call(spec: &ApiSpec, call: &Call) -> Vec<Violation> {
    let mut v = Validator::new(Some(spec));
    match call.region.as_deref() {
        None | Some("") if spec.region == Presence::Required => v.push(
            "Region",
            v.vocab.missing,
            "Region is required by this API: set the call's region (e.g. ap-guangzhou).".into(),
            "本接口必须指定地域：请设置地域（Region），例如 ap-guangzhou。".into(),
        ),
        Some(r) if !r.is_empty() => {
            if let Some((en, zh)) = region_flaw(spec.style, r) {
                v.push("Region", v.vocab.invalid_value, en, zh);
            }
        }
        _ => {}
    }
    v.params(&call.params);
    v.out
}

/// Whether a value satisfies a parameter's own type and rules (used to check specs).
pub(crate) fn conforms(param: &Param, value: &Value) -> bool {
    flaw(param, value, &param.name).is_none()
}

/// The first rule of its parameter a value breaks, said as validation says it of a value at
/// `path` (used to check specs).
pub(crate) fn flaw(param: &Param, value: &Value, path: &str) -> Option<String> {
    let mut v = Validator::new(None);
    v.value(param, value, path, 0);
    v.out.into_iter().next().map(|v| v.message)
}

/// What is wrong with a region id's form, in English and Chinese. Neither vendor publishes its
/// list with an API's metadata, but both write ids in lower case, words joined by '-':
/// Tencent's `ap-guangzhou` (its zones add a number: `ap-guangzhou-3`), Alibaba's `cn-hangzhou`
/// and `ap-southeast-1`. The legacy API 2.0 also takes short names (`gz`), so only the
/// characters are checked there.
fn region_flaw(style: ApiStyle, r: &str) -> Option<(String, String)> {
    let shown = show_str(r);
    if !is_region_id(r) {
        return Some((
            format!("Region '{shown}' is not a region id (letters, digits, '-' and '_' only)."),
            format!("地域 '{shown}' 不是合法的地域 ID（只能包含字母、数字、'-' 和 '_'）。"),
        ));
    }
    let tencent = match style {
        ApiStyle::TencentLegacy => return None,
        ApiStyle::TencentApi3 => true,
        ApiStyle::AlibabaRpc => false,
    };
    let example = if tencent { "ap-guangzhou" } else { "cn-hangzhou" };
    if r.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = r.to_ascii_lowercase();
        return Some((
            format!("Region '{shown}' must be in lower case: '{}'.", show_str(&lower)),
            format!("地域 '{shown}' 必须小写：'{}'。", show_str(&lower)),
        ));
    }
    if !r.contains('-') {
        return Some((
            format!("Region '{shown}' is not a region id: ids join words with '-', e.g. {example}."),
            format!("地域 '{shown}' 不是地域 ID：地域 ID 由 '-' 连接，例如 {example}。"),
        ));
    }
    let numbered = r.ends_with(|c: char| c.is_ascii_digit());
    // Said as the rule it breaks: 'mars-1' is neither a zone nor an Alibaba region, but it
    // ends in a number as they do.
    if tencent && (r.starts_with("cn-") || numbered) {
        return Some(if numbered {
            (
                format!("Region '{shown}' is not a Tencent Cloud region id: those end in a name, not a number (a number ends an availability zone, ap-guangzhou-3, and Alibaba Cloud's ap-southeast-1). Tencent Cloud's are like ap-guangzhou."),
                format!("地域 '{shown}' 不是腾讯云的地域 ID：腾讯云地域 ID 以名称结尾，而不是数字（以数字结尾的是可用区，如 ap-guangzhou-3，或阿里云地域，如 ap-southeast-1）。腾讯云的地域 ID 形如 ap-guangzhou。"),
            )
        } else {
            (
                format!("Region '{shown}' is not a Tencent Cloud region id: those do not begin with 'cn-' (Alibaba Cloud's do, as cn-hangzhou). Tencent Cloud's are like ap-guangzhou."),
                format!("地域 '{shown}' 不是腾讯云的地域 ID：腾讯云地域 ID 不以 'cn-' 开头（阿里云的才是，如 cn-hangzhou）。腾讯云的地域 ID 形如 ap-guangzhou。"),
            )
        });
    }
    if !tencent && r.starts_with("ap-") && !numbered {
        return Some((
            format!("Region '{shown}' is not an Alibaba Cloud region id: it looks like a Tencent Cloud one. Alibaba Cloud's are like cn-hangzhou or ap-southeast-1."),
            format!("地域 '{shown}' 不是阿里云的地域 ID：它像腾讯云的地域。阿里云的地域 ID 形如 cn-hangzhou 或 ap-southeast-1。"),
        ));
    }
    None
}

pub(crate) fn is_region_id(r: &str) -> bool {
    !r.is_empty() && r.len() <= 64 && r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

struct Validator<'a> {
    spec: Option<&'a ApiSpec>,
    vocab: Vocab,
    out: Vec<Violation>,
    full: bool,
}

impl<'a> Validator<'a> {
    fn new(spec: Option<&'a ApiSpec>) -> Self {
        Validator { spec, vocab: vocab(spec.map(|s| s.style)), out: Vec::new(), full: false }
    }

    fn push(&mut self, path: &str, code: &str, message: String, message_zh: String) {
        if self.out.len() >= MAX_VIOLATIONS {
            if !self.full {
                self.full = true;
                self.out.push(Violation {
                    path: String::new(),
                    code: self.vocab.invalid_type.into(),
                    message: format!("More than {MAX_VIOLATIONS} violations; the rest are not listed."),
                    message_zh: format!("违规超过 {MAX_VIOLATIONS} 处，其余未列出。"),
                });
            }
            return;
        }
        self.out.push(Violation { path: path.into(), code: code.into(), message, message_zh });
    }

    fn params(&mut self, params: &Value) {
        let Some(spec) = self.spec else { return };
        match params {
            Value::Null => self.object(&spec.params, &Map::new(), "", 0),
            Value::Object(map) => self.object(&spec.params, map, "", 0),
            other => {
                let (en, zh) = kind(other);
                self.push(
                    "",
                    self.vocab.invalid_type,
                    format!("The parameters must be a JSON object, got {en}."),
                    format!("参数必须是 JSON 对象，实际是{zh}。"),
                );
                return;
            }
        }
        for rule in &spec.rules {
            let Some(cond) = lookup(params, &rule.when.field) else { continue };
            let holds = match &rule.when.equals {
                None => true,
                Some(want) => loosely_equal(cond, want),
            };
            if !holds {
                continue;
            }
            for need in &rule.require {
                if lookup(params, need).is_some() {
                    continue;
                }
                let field = &rule.when.field;
                let code = rule.code.as_deref().unwrap_or(self.vocab.missing);
                let (en, zh) = match &rule.when.equals {
                    Some(want) => (
                        format!("{need} is required when {field} is {}.", show(want)),
                        format!("当 {field} 为 {} 时，必须提供 {need}。", show(want)),
                    ),
                    None => (
                        format!("{need} is required when {field} is given."),
                        format!("提供 {field} 时，必须同时提供 {need}。"),
                    ),
                };
                self.push(need, code, en, zh);
            }
        }
    }

    fn fields_of(&self, p: &'a Param) -> Option<&'a [Param]> {
        match self.spec {
            Some(spec) => spec.fields_of(p),
            None if p.fields.is_empty() => None,
            None => Some(&p.fields),
        }
    }

    fn object(&mut self, fields: &'a [Param], map: &Map<String, Value>, path: &str, depth: usize) {
        for f in fields {
            // The path is made only for a field that is there or missing, not for every
            // optional one the call leaves out.
            match map.get(&f.name) {
                None | Some(Value::Null) => {
                    if f.required && f.default.is_none() {
                        let here = join(path, &f.name);
                        self.push(
                            &here,
                            self.vocab.missing,
                            format!("{here} is required but missing."),
                            format!("缺少必填参数 {here}。"),
                        );
                    }
                }
                Some(v) => self.value(f, v, &join(path, &f.name), depth + 1),
            }
            if self.full {
                return;
            }
        }
        for key in map.keys() {
            if fields.iter().any(|f| f.name == *key) {
                continue;
            }
            let here = join(path, key);
            let hint = fields.iter().find(|f| f.name.eq_ignore_ascii_case(key));
            let typo = || {
                fields
                    .iter()
                    .filter_map(|f| typo_distance(&f.name, key).map(|d| (d, f)))
                    .min_by_key(|(d, _)| *d)
                    .map(|(_, f)| f)
            };
            let common = path.is_empty() && is_common_parameter(key);
            let (en, zh) = match hint {
                None if common => (
                    format!("{here} is a common parameter, not a business one: set it through the call (region) or the options, and build adds it."),
                    format!("{here} 是公共参数而非业务参数：请通过调用的 region 或选项设置，由构建时自动加入。"),
                ),
                Some(f) => (
                    format!("{here} is not a parameter of this API; names are case-sensitive: did you mean {}?", f.name),
                    format!("{here} 不是本接口的参数；参数名区分大小写，是否应为 {}？", f.name),
                ),
                None => match typo() {
                    Some(f) => (
                        format!("{here} is not a parameter of this API: did you mean {}?", f.name),
                        format!("{here} 不是本接口的参数：是否应为 {}？", f.name),
                    ),
                    None => (format!("{here} is not a parameter of this API."), format!("{here} 不是本接口的参数。")),
                },
            };
            self.push(&here, self.vocab.unknown, en, zh);
            if self.full {
                return;
            }
        }
    }

    fn value(&mut self, p: &'a Param, v: &Value, path: &str, depth: usize) {
        if depth > MAX_DEPTH {
            self.push(
                path,
                self.vocab.invalid_type,
                format!("{path} nests deeper than {MAX_DEPTH} levels."),
                format!("{path} 嵌套超过 {MAX_DEPTH} 层。"),
            );
            return;
        }
        let value_code = p.value_code.as_deref().unwrap_or(self.vocab.invalid_value);
        match (p.ty, v) {
            (ParamType::String, Value::String(s)) => self.string_rules(p, s, path, value_code),
            (ParamType::Int64 | ParamType::Uint64, _) => match integer_of(v) {
                Ok(i) => self.int_rules(p, i, path, value_code),
                Err(IntError::NotInteger) => self.wrong_type(p, v, path),
                Err(IntError::OutOfRange) => self.out_of_type_range(p, v, path),
            },
            (ParamType::Float, Value::Number(n)) => {
                if let Some(min) = &p.min {
                    if cmp_numbers(n, min) == Some(core::cmp::Ordering::Less) {
                        self.below_min(path, &n.to_string(), &min.to_string(), value_code);
                    }
                }
                if let Some(max) = &p.max {
                    if cmp_numbers(n, max) == Some(core::cmp::Ordering::Greater) {
                        self.above_max(path, &n.to_string(), &max.to_string(), value_code);
                    }
                }
                if !p.allowed.is_empty() && !p.allowed.iter().any(|a| loosely_equal(v, a)) {
                    self.not_allowed(p, v, path, value_code);
                }
            }
            (ParamType::Bool, Value::Bool(_)) => {
                if !p.allowed.is_empty() && !p.allowed.contains(v) {
                    self.not_allowed(p, v, path, value_code);
                }
            }
            (ParamType::Object, Value::Object(map)) => {
                if let Some(fields) = self.fields_of(p) {
                    self.object(fields, map, path, depth);
                }
            }
            (ParamType::Array, Value::Array(items)) => self.array(p, items, path, depth, value_code),
            _ => self.wrong_type(p, v, path),
        }
    }

    fn array(&mut self, p: &'a Param, items: &[Value], path: &str, depth: usize, value_code: &str) {
        let n = items.len() as u64;
        if let Some(max) = p.max_items.filter(|m| n > *m) {
            self.push(
                path,
                value_code,
                format!("{path} has {}; it may have at most {max}.", counted(n, "item")),
                format!("{path} 有 {n} 项，最多允许 {max} 项。"),
            );
        }
        if let Some(min) = p.min_items.filter(|m| n < *m) {
            self.push(
                path,
                value_code,
                format!("{path} has {}; it needs at least {min}.", counted(n, "item")),
                format!("{path} 有 {n} 项，至少需要 {min} 项。"),
            );
        }
        let Some(item) = p.items.as_deref() else { return };
        for (i, v) in items.iter().enumerate() {
            self.value(item, v, &format!("{path}[{i}]"), depth + 1);
            if self.full {
                return;
            }
        }
    }

    fn string_rules(&mut self, p: &Param, s: &str, path: &str, code: &str) {
        let chars = s.chars().count() as u64;
        if let Some(max) = p.max_length.filter(|m| chars > *m) {
            self.push(
                path,
                code,
                format!("{path} has {}; it may have at most {max}.", counted(chars, "character")),
                format!("{path} 长度为 {chars} 个字符，最多允许 {max} 个。"),
            );
        }
        if let Some(min) = p.min_length.filter(|m| chars < *m) {
            self.push(
                path,
                code,
                format!("{path} has {}; it needs at least {min}.", counted(chars, "character")),
                format!("{path} 长度为 {chars} 个字符，至少需要 {min} 个。"),
            );
        }
        if !p.allowed.is_empty() && !p.allowed.iter().any(|a| a.as_str() == Some(s)) {
            self.not_allowed(p, &Value::String(s.into()), path, code);
        }
        match &p.format {
            Some(Format::Ipv4) if !is_ipv4(s) => self.push(
                path,
                code,
                format!("{path} = '{}' is not an IPv4 address such as 10.0.0.1.", show_str(s)),
                format!("{path} 的值 '{}' 不是合法的 IPv4 地址（例如 10.0.0.1）。", show_str(s)),
            ),
            // It is a string already: what is wrong is the text in it, so say where.
            Some(Format::Json) => {
                if let Err(e) = serde_json::from_str::<Value>(s) {
                    let (line, column) = (e.line(), e.column());
                    self.push(
                        path,
                        code,
                        format!("{path} must hold JSON text, such as {{\"key\":\"value\"}}, and this is not: {e}."),
                        format!("{path} 必须是 JSON 文本（例如 {{\"key\":\"value\"}}），此处第 {line} 行第 {column} 列不合 JSON 语法。"),
                    );
                }
            }
            Some(Format::Prefix(prefix)) if !s.starts_with(prefix.as_str()) => self.push(
                path,
                code,
                format!("{path} = '{}' must start with '{prefix}'.", show_str(s)),
                format!("{path} 的值 '{}' 必须以 '{prefix}' 开头。", show_str(s)),
            ),
            _ => {}
        }
    }

    fn int_rules(&mut self, p: &Param, i: i128, path: &str, code: &str) {
        let (lo, hi) = type_range(p.ty);
        let raw = i.to_string();
        if i < lo || i > hi {
            self.beyond_type(p, &raw, i < lo, path, code);
            return;
        }
        if let Some(min) = &p.min {
            if cmp_int_bound(i, min) == Some(core::cmp::Ordering::Less) {
                self.below_min(path, &raw, &min.to_string(), code);
            }
        }
        if let Some(max) = &p.max {
            if cmp_int_bound(i, max) == Some(core::cmp::Ordering::Greater) {
                self.above_max(path, &raw, &max.to_string(), code);
            }
        }
        if let Some(m) = p.multiple_of {
            if i % i128::from(m) != 0 {
                self.push(
                    path,
                    code,
                    format!("{path} = {raw} is not a multiple of {m}."),
                    format!("{path} 的值 {raw} 不是 {m} 的整数倍。"),
                );
            }
        }
        if !p.allowed.is_empty() && !p.allowed.iter().any(|a| integer_of(a) == Ok(i)) {
            self.not_allowed(p, &Value::String(raw), path, code);
        }
    }

    fn wrong_type(&mut self, p: &Param, v: &Value, path: &str) {
        let (want_en, want_zh) = type_words(p.ty);
        // A string is shown: "a decimal string" is accepted for integers, and 'two' is not one.
        let (got_en, got_zh) = match v {
            Value::String(s) => (format!("'{}'", show_str(s)), format!("'{}'", show_str(s))),
            _ => (kind(v).0.to_string(), kind(v).1.to_string()),
        };
        self.push(
            path,
            self.vocab.invalid_type,
            format!("{path} must be {want_en}, got {got_en}."),
            format!("{path} 应为{want_zh}，实际是{got_zh}。"),
        );
    }

    fn out_of_type_range(&mut self, p: &Param, v: &Value, path: &str) {
        let code = p.value_code.as_deref().unwrap_or(self.vocab.invalid_value);
        let negative = match v {
            Value::String(s) => s.trim_start().starts_with('-'),
            Value::Number(n) => n.as_f64().is_some_and(|x| x < 0.0),
            _ => false,
        };
        self.beyond_type(p, &show(v), negative, path, code);
    }

    /// An integer past what its type holds: said as the field's own bound when it has one on
    /// that side (TimeSpan's minimum 1 rather than uint64's 0), else as the type's.
    fn beyond_type(&mut self, p: &Param, raw: &str, below: bool, path: &str, code: &str) {
        match (below, &p.min, &p.max) {
            (true, Some(min), _) => self.below_min(path, raw, &min.to_string(), code),
            (false, _, Some(max)) => self.above_max(path, raw, &max.to_string(), code),
            _ => {
                let (lo, hi) = type_range(p.ty);
                self.push(
                    path,
                    self.vocab.invalid_value,
                    format!("{path} = {raw} is outside what a {} holds: {lo} to {hi}.", type_id(p.ty)),
                    format!("{path} 的值 {raw} 超出 {} 的取值范围：{lo} 至 {hi}。", type_id(p.ty)),
                );
            }
        }
    }

    fn below_min(&mut self, path: &str, v: &str, min: &str, code: &str) {
        self.push(
            path,
            code,
            format!("{path} = {v} is below the minimum {min}."),
            format!("{path} 的值 {v} 小于最小值 {min}。"),
        );
    }

    fn above_max(&mut self, path: &str, v: &str, max: &str, code: &str) {
        self.push(
            path,
            code,
            format!("{path} = {v} is above the maximum {max}."),
            format!("{path} 的值 {v} 大于最大值 {max}。"),
        );
    }

    fn not_allowed(&mut self, p: &Param, v: &Value, path: &str, code: &str) {
        let list: Vec<String> = p.allowed.iter().map(show).collect();
        // The value given is quoted, as in every other message: `= sub` read as a word of it.
        let given = match v {
            Value::String(s) => format!("'{}'", show_str(s)),
            other => show(other),
        };
        self.push(
            path,
            code,
            format!("{path} = {given} is not one of: {}.", list.join(", ")),
            format!("{path} 的值 {given} 不在允许的取值中：{}。", list.join("、")),
        );
    }
}

/// Names the request builder sets itself in one style or another.
fn is_common_parameter(name: &str) -> bool {
    matches!(
        name,
        "Action"
            | "Version"
            | "Region"
            | "Timestamp"
            | "Nonce"
            | "SecretId"
            | "SignatureMethod"
            | "Signature"
            | "Token"
            | "Language"
            | "Format"
            | "AccessKeyId"
            | "SignatureVersion"
            | "SignatureNonce"
            | "SecurityToken"
    )
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        return name.into();
    }
    cloudplay_sign::text::concat(&[path, ".", name])
}

/// The non-null value at a dotted path through objects.
pub(crate) fn lookup<'v>(params: &'v Value, dotted: &str) -> Option<&'v Value> {
    let mut cur = params;
    for part in dotted.split('.') {
        cur = cur.as_object()?.get(part)?;
    }
    (!cur.is_null()).then_some(cur)
}

/// Equality that treats `12` and `"12"` as the same integer, as the wire does.
fn loosely_equal(a: &Value, b: &Value) -> bool {
    match (integer_of(a), integer_of(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => match (a, b) {
            (Value::Number(x), Value::Number(y)) => cmp_numbers(x, y) == Some(core::cmp::Ordering::Equal),
            _ => a == b,
        },
    }
}

fn type_range(ty: ParamType) -> (i128, i128) {
    match ty {
        ParamType::Uint64 => (0, i128::from(u64::MAX)),
        _ => (i128::from(i64::MIN), i128::from(i64::MAX)),
    }
}

fn type_id(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Uint64 => "uint64",
        _ => "int64",
    }
}

fn type_words(ty: ParamType) -> (&'static str, &'static str) {
    match ty {
        ParamType::String => ("a string", "字符串"),
        ParamType::Int64 => {
            ("an integer (int64, a JSON number or a decimal string)", "整数（int64，JSON 数字或十进制字符串）")
        }
        ParamType::Uint64 => (
            "a non-negative integer (uint64, a JSON number or a decimal string)",
            "非负整数（uint64，JSON 数字或十进制字符串）",
        ),
        ParamType::Float => ("a number", "数字"),
        ParamType::Bool => ("a boolean (true or false)", "布尔值（true 或 false）"),
        ParamType::Object => ("an object", "对象"),
        ParamType::Array => ("an array", "数组"),
    }
}

/// How many single-character edits apart two names are, ignoring ASCII case, when that is
/// few enough to be a typo rather than another word: at most two, or one for names shorter
/// than five characters.
pub(crate) fn typo_distance(a: &str, b: &str) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let limit = if a.len().min(b.len()) < 5 { 1 } else { 2 };
    if a.len().abs_diff(b.len()) > limit || a.len() > 64 || b.len() > 64 {
        return None;
    }
    // One row of the edit-distance table at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(!ca.eq_ignore_ascii_case(cb));
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    Some(row[b.len()]).filter(|d| *d <= limit)
}

fn kind(v: &Value) -> (&'static str, &'static str) {
    match v {
        Value::Null => ("null", "null"),
        Value::Bool(_) => ("a boolean", "布尔值"),
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            // A JS number past 2^53 (or JSON's 1e23) arrives as a float whose digits are gone
            // (every float that large is whole). `as i64` instead of `fract`, which core lacks.
            Some(x) if !(-9_007_199_254_740_992.0..9_007_199_254_740_992.0).contains(&x) => (
                "a number beyond 2^53, which a JSON or JS number cannot hold exactly: give it as a decimal string (or a BigInt)",
                "超过 2^53 的数字，JSON/JS 数字无法精确表示：请以十进制字符串（或 BigInt）给出",
            ),
            Some(x) if (x as i64) as f64 != x => ("a fractional number", "小数"),
            _ => ("a number written with a fraction or an exponent (3.0, 1e3)", "带小数点或指数写法的数字（如 3.0、1e3）"),
        },
        Value::Number(_) => ("a number", "数字"),
        Value::String(_) => ("a string", "字符串"),
        Value::Array(_) => ("an array", "数组"),
        Value::Object(_) => ("an object", "对象"),
    }
}

/// A value as a message shows it: strings bare, long text cut.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) => show_str(s),
        other => {
            let text = other.to_string();
            show_str(&text)
        }
    }
}

/// A value as an error message quotes it: at most 64 characters, so that a caller's 10 MB
/// value does not come back as a 10 MB message.
pub(crate) fn show_str(s: &str) -> String {
    const MAX: usize = 64;
    if s.chars().count() <= MAX {
        s.into()
    } else {
        let mut out: String = s.chars().take(MAX).collect();
        out.push('…');
        out
    }
}

fn is_ipv4(s: &str) -> bool {
    let mut parts = 0;
    for part in s.split('.') {
        parts += 1;
        let ok = !part.is_empty()
            && part.len() <= 3
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part == "0" || !part.starts_with('0'))
            && part.parse::<u16>().is_ok_and(|n| n <= 255);
        if !ok || parts > 4 {
            return false;
        }
    }
    parts == 4
}

/// `1 item`, `3 items`: a count with its noun, singular for one.
fn counted(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_is_strict() {
        for good in ["127.0.0.2", "0.0.0.0", "255.255.255.255", "10.207.176.72"] {
            assert!(is_ipv4(good), "{good}");
        }
        for bad in ["", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "1..2.3", "::1"] {
            assert!(!is_ipv4(bad), "{bad}");
        }
    }

    #[test]
    fn typos_are_near_and_other_words_are_not() {
        for (name, typed, d) in [
            ("InstanceName", "InstanceNme", 1),
            ("InstanceName", "instancenmae", 2),
            ("Pid", "Pd", 1),
            ("ZoneId", "ZonId", 1),
        ] {
            assert_eq!(typo_distance(name, typed), Some(d), "{name} {typed}");
        }
        // Same lengths, so the whole table decides: three or more edits, or two in a short name.
        for (name, typed) in [
            ("Pid", "Tag"),
            ("Storage", "Stories"),
            ("ZoneId", "RegionId"),
            ("Name", "Time"),
            ("Period", "PricingCycle"),
        ] {
            assert_eq!(typo_distance(name, typed), None, "{name} {typed}");
        }
    }

    #[test]
    fn a_count_of_one_is_singular() {
        assert_eq!(counted(1, "item"), "1 item");
        assert_eq!(counted(0, "item"), "0 items");
        assert_eq!(counted(2, "character"), "2 characters");
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let long = "x".repeat(100);
        let shown = show_str(&long);
        assert_eq!(shown.chars().count(), 65);
        assert!(shown.ends_with('…'));
    }
}
