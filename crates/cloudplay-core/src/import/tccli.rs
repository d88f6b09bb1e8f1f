//! Importer for tccli's `api.json` and `examples.json` (Tencent Cloud API 3.0 metadata; see
//! `reference/tccli/FORMAT.md`).
//!
//! What carries over: every action, its request and response fields with type, width and the
//! `required` flag, Chinese documents, `disabled` (as deprecated), `status`, and the examples.
//! What does not: enums, defaults and ranges exist only in Chinese prose, so they stay prose in
//! the field's `doc`; no values are guessed from it. tccli has no error codes and no endpoint
//! list: the host is `<service>.tencentcloudapi.com`.
//!
//! Structures are expanded inline. A structure that contains itself (directly or through
//! others), or one nested deeper than [`MAX_INLINE_DEPTH`], becomes a `ref` into the spec's
//! `structs`, so the tree is finite; a total of [`MAX_PARAMS_PER_ACTION`] fields per action
//! bounds the work on hostile input.

use alloc::borrow::ToOwned;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use serde_json::{Map, Value};

use super::text::plain_text;
use super::{invalid, parse_json, spec_flaw, why, Imported, Skipped, Why};
use crate::encode::parse_query;
use crate::error::Result;
use crate::float::parse_f64;
use crate::number::{int_to_number, parse_decimal};
use crate::sign::Algorithm;
use crate::spec::{
    ApiSpec, ApiStyle, Doc, DocumentedRequest, Endpoints, Example, Param, ParamType, Presence, MAX_DEPTH,
};

/// Fields per action (request and response together) before the action is skipped.
pub const MAX_PARAMS_PER_ACTION: usize = 20_000;
/// Structures nested deeper than this are referenced instead of inlined.
pub const MAX_INLINE_DEPTH: usize = 8;
/// Array indexes in GET-style examples above this are not materialized.
const MAX_EXAMPLE_INDEX: usize = 1_000;

const PLACEHOLDER: &str = "<公共请求参数>";

/// Imports every action of one tccli service version. A malformed document is an error; an
/// action that cannot be imported is listed in `skipped` with the reason.
pub fn import(api_json: &str, examples_json: Option<&str>) -> Result<Imported> {
    let api: Value = parse_json(api_json, "api.json", "apiJson")?;
    let root = api.as_object().ok_or_else(|| {
        invalid("apiJson", "must be a JSON object (tccli's api.json)").zh("必须是 JSON 对象（tccli 的 api.json）。")
    })?;
    let meta = root.get("metadata").and_then(Value::as_object).ok_or_else(|| {
        // examples.json holds `actions`, each a list of examples (and a `version`), and no
        // `objects`: the two files swapped.
        let examples = !root.contains_key("objects")
            && root.get("actions").and_then(Value::as_object).is_some_and(|a| a.values().all(Value::is_array));
        // An Alibaba bundle, given to the other importer.
        let alibaba = root.contains_key("product")
            && root
                .get("actions")
                .and_then(Value::as_object)
                .is_some_and(|a| ["metadatas", "en-US", "zh-CN"].iter().any(|k| a.contains_key(*k)));
        // A bundle's `actions` are lists too: it is told first.
        if alibaba {
            invalid("metadata", "missing: this is a bundle of Alibaba API metadata; give it to importAlibabaMeta")
                .zh("缺少 metadata：这是阿里云的 API 元数据包，请用“导入阿里云 API 元数据”导入。")
        } else if examples {
            invalid(
                "metadata",
                "missing: this is an examples.json; pass the api.json first and the examples.json second",
            )
            .zh("缺少 metadata：这是 examples.json；请先给 api.json，再给 examples.json。")
        } else {
            invalid("metadata", "missing: tccli's api.json has metadata, actions and objects at its top")
                .zh("缺少 metadata：tccli 的 api.json 顶层有 metadata、actions 和 objects。")
        }
    })?;
    let text_at = |key: &str, like: &str| match meta.get(key) {
        None | Some(Value::Null) => Err(invalid(&format!("metadata.{key}"), "missing").zh("缺失。")),
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(invalid(&format!("metadata.{key}"), &format!("must be a string such as '{like}'"))
            .zh(format!("必须是 '{like}' 这样的字符串。"))),
    };
    let version = text_at("apiVersion", "2017-03-12")?;
    // Ids and hosts are made from it: a version as Tencent writes them, YYYY-MM-DD.
    let dated = version.len() == 10
        && version.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !dated {
        return Err(invalid(
            "metadata.apiVersion",
            &format!("'{version}' is not a version such as '2017-03-12' (YYYY-MM-DD)"),
        ));
    }
    let service = text_at("serviceShortName", "cvm")?;
    if service.is_empty() || !service.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(invalid("metadata.serviceShortName", &format!("'{service}' is not a service code")));
    }
    let product_name = str_field(meta, "serviceNameCN").unwrap_or_default();
    let actions = root.get("actions").and_then(Value::as_object).ok_or_else(|| invalid("actions", "missing"))?;
    let objects = root.get("objects").and_then(Value::as_object).ok_or_else(|| invalid("objects", "missing"))?;

    let examples: Option<Value> = match examples_json {
        Some(text) => Some(parse_json(text, "examples.json", "examplesJson")?),
        None => None,
    };
    let example_lists = match &examples {
        Some(e) => Some(example_lists(e, actions, service)?),
        None => None,
    };

    let mut out = Imported::default();
    for (name, action) in actions {
        let examples = example_lists.and_then(|m| m.get(name)).and_then(Value::as_array).map(Vec::as_slice);
        let ctx = Context { service, version, product_name, objects };
        match import_action(&ctx, name, action, examples.unwrap_or(&[])) {
            Ok(spec) => out.specs.push(spec),
            Err(reason) => out.skipped.push(Skipped::new(name.clone(), reason)),
        }
    }
    Ok(out)
}

/// `examples.json`'s `actions`, checked before anything is imported: a file of another shape,
/// or another service's, is refused rather than imported as "no examples" (which would replace
/// an earlier import's examples with none).
fn example_lists<'a>(
    examples: &'a Value,
    actions: &Map<String, Value>,
    service: &str,
) -> Result<&'a Map<String, Value>> {
    let lists = examples.get("actions").and_then(Value::as_object).ok_or_else(|| {
        invalid(
            "examplesJson.actions",
            "examples.json must be an object whose 'actions' maps each action to a list of examples",
        )
        .zh("examples.json 必须是对象，其 actions 把每个接口映射到一组示例。")
    })?;
    for (name, list) in lists {
        if !list.as_array().is_some_and(|l| l.iter().all(Value::is_object)) {
            return Err(invalid(
                &format!("examplesJson.actions.{name}"),
                "must be a list of examples (objects with title, document, input and output)",
            )
            .zh("必须是一组示例（含 title、document、input 和 output 的对象）。"));
        }
    }
    let another = |why: &str, why_zh: &str| {
        invalid("examplesJson.actions", &format!("examples.json {why}: is it the same service and version's file?"))
            .zh(format!("examples.json {why_zh}：它是同一服务、同一版本的文件吗？"))
    };
    if !lists.is_empty() && !lists.keys().any(|name| actions.contains_key(name)) {
        return Err(another("names none of api.json's actions", "没有提到 api.json 中的任何接口"));
    }
    // Products share action names (DescribeRegions, …); the hosts in the request sketches tell
    // them apart: every sketch in the tccli files names its own service's endpoint.
    let hosts: Vec<&str> = lists
        .values()
        .flat_map(|l| l.as_array().into_iter().flatten())
        .filter_map(|e| e.get("input")?.as_str())
        .flat_map(tencent_hosts)
        .collect();
    if !hosts.is_empty() && !hosts.iter().any(|h| service_of(h) == service) {
        return Err(another(
            &format!("sends its examples to another service's endpoint, not {service}.tencentcloudapi.com"),
            &format!("的示例发往了另一个服务的地址，而不是 {service}.tencentcloudapi.com"),
        ));
    }
    Ok(lists)
}

const TENCENT_DOMAIN: &str = ".tencentcloudapi.com";

/// The labels before `.tencentcloudapi.com` of each such host name in a request sketch.
fn tencent_hosts(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices(TENCENT_DOMAIN).map(move |(at, _)| {
        let start =
            text[..at].rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '.')).map_or(0, |i| i + 1);
        &text[start..at]
    })
}

/// The service of a host's labels: `cvm` of `cvm` and of `cvm.ap-guangzhou`.
fn service_of(labels: &str) -> &str {
    labels.split('.').next().unwrap_or_default()
}

struct Context<'a> {
    service: &'a str,
    version: &'a str,
    product_name: &'a str,
    objects: &'a Map<String, Value>,
}

fn import_action(
    ctx: &Context<'_>,
    name: &str,
    action: &Value,
    examples: &[Value],
) -> core::result::Result<ApiSpec, Why> {
    let action = action.as_object().ok_or_else(|| why("the action is not an object", "该接口不是对象"))?;
    let input = str_field(action, "input")
        .ok_or_else(|| why("the action names no input structure", "该接口没有指明输入结构"))?;
    let status = str_field(action, "status").unwrap_or("online");
    let mut ex = Expander { objects: ctx.objects, count: 0, wanted: Vec::new(), structs: BTreeMap::new() };
    let params = ex.members_of(input, &mut vec![input.to_owned()], 0, Side::Input)?;
    let outputs = match str_field(action, "output") {
        Some(o) if ctx.objects.contains_key(o) => ex.members_of(o, &mut vec![o.to_owned()], 0, Side::Output)?,
        _ => Vec::new(),
    };
    ex.resolve_wanted()?;

    let title = str_field(action, "name").unwrap_or_default();
    let document = str_field(action, "document").unwrap_or_default();
    let mut spec = ApiSpec {
        product: ctx.service.into(),
        version: ctx.version.into(),
        action: name.into(),
        service: String::new(),
        style: ApiStyle::TencentApi3,
        product_name: Doc::new("", ctx.product_name),
        title: Doc::new("", title),
        description: Doc::new("", plain_text(document)),
        endpoints: Endpoints {
            default: format!("{}.tencentcloudapi.com", ctx.service),
            path: "/".into(),
            regions: BTreeMap::new(),
            pattern: None,
        },
        region: Presence::Optional,
        methods: vec!["POST".into(), "GET".into()],
        content_types: vec!["application/json".into(), "application/x-www-form-urlencoded".into()],
        algorithms: vec![Algorithm::Tc3HmacSha256, Algorithm::TcHmacSha256, Algorithm::TcHmacSha1],
        params,
        structs: ex.structs,
        rules: Vec::new(),
        outputs,
        errors: Vec::new(),
        examples: Vec::new(),
        rate_limit: None,
        deprecated: status == "deprecated" || status == "offline",
        source: format!("tccli api.json ({} {}, {status})", ctx.product_name, ctx.version),
    };
    spec.examples = examples.iter().map(|e| example(&spec, e)).collect();
    spec.check().map_err(spec_flaw)?;
    Ok(spec)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Input,
    Output,
}

struct Expander<'a> {
    objects: &'a Map<String, Value>,
    count: usize,
    /// Structures referenced by `ref` whose fields still have to go into `structs`.
    wanted: Vec<String>,
    structs: BTreeMap<String, Vec<Param>>,
}

impl Expander<'_> {
    fn members_of(
        &mut self,
        name: &str,
        stack: &mut Vec<String>,
        depth: usize,
        side: Side,
    ) -> core::result::Result<Vec<Param>, Why> {
        let obj = self
            .objects
            .get(name)
            .ok_or_else(|| why(format!("structure {name} is not in objects"), format!("objects 中没有结构 {name}")))?;
        let members = obj
            .get("members")
            .and_then(Value::as_array)
            .ok_or_else(|| why(format!("structure {name} has no members list"), format!("结构 {name} 没有成员列表")))?;
        let mut out = Vec::with_capacity(members.len());
        for m in members {
            out.push(self.member(name, m, stack, depth, side)?);
        }
        Ok(out)
    }

    fn member(
        &mut self,
        owner: &str,
        m: &Value,
        stack: &mut Vec<String>,
        depth: usize,
        side: Side,
    ) -> core::result::Result<Param, Why> {
        self.count += 1;
        if self.count > MAX_PARAMS_PER_ACTION {
            return Err(why(
                format!("more than {MAX_PARAMS_PER_ACTION} fields when expanded"),
                format!("展开后超过 {MAX_PARAMS_PER_ACTION} 个字段"),
            ));
        }
        let m = m.as_object().ok_or_else(|| {
            why(format!("a member of {owner} is not an object"), format!("{owner} 的某个成员不是对象"))
        })?;
        let name = str_field(m, "name")
            .filter(|n| !n.is_empty())
            .ok_or_else(|| why(format!("a member of {owner} has no name"), format!("{owner} 的某个成员没有名称")))?;
        let ty = str_field(m, "type").unwrap_or("string");
        let member = str_field(m, "member").unwrap_or("string");
        let flag = |k: &str| m.get(k).and_then(Value::as_bool).unwrap_or(false);
        let mut p = match ty {
            "list" => {
                let mut item = match scalar_type(member) {
                    Some(t) => Param::new("", t),
                    None => {
                        let mut item = Param::new("", ParamType::Object);
                        self.structure(&mut item, member, stack, depth, side)?;
                        item
                    }
                };
                item.name = String::new();
                let mut p = Param::new(name, ParamType::Array);
                p.items = Some(alloc::boxed::Box::new(item));
                p
            }
            "object" => {
                let mut p = Param::new(name, ParamType::Object);
                self.structure(&mut p, member, stack, depth, side)?;
                p
            }
            "int" => Param::new(name, if member == "uint64" { ParamType::Uint64 } else { ParamType::Int64 }),
            "float" => Param::new(name, ParamType::Float),
            "bool" => Param::new(name, ParamType::Bool),
            "string" | "binary" => Param::new(name, ParamType::String),
            other => {
                return Err(why(
                    format!("{owner}.{name} has type '{other}', which tccli data does not use"),
                    format!("{owner}.{name} 的类型是 '{other}'，tccli 数据中没有这种类型"),
                ))
            }
        };
        p.required = match side {
            Side::Input => flag("required"),
            Side::Output => flag("output_required") || flag("required"),
        };
        p.deprecated = flag("disabled");
        let document = str_field(m, "document").unwrap_or_default();
        // The field's member type says more than `type` for dates and widths; keep it visible.
        let detail = match (ty, member) {
            ("string", "datetime" | "datetime_iso" | "date" | "binary") => format!("（{member}）"),
            _ => String::new(),
        };
        p.doc = Doc::new("", format!("{}{detail}", plain_text(document)));
        if let Some(example) = str_field(m, "example").filter(|e| !e.is_empty() && *e != "无") {
            p.example = Some(Value::String(example.into()));
        }
        Ok(p)
    }

    fn structure(
        &mut self,
        p: &mut Param,
        name: &str,
        stack: &mut Vec<String>,
        depth: usize,
        side: Side,
    ) -> core::result::Result<(), Why> {
        if !self.objects.contains_key(name) {
            return Err(why(
                format!("{} refers to structure '{name}', which is not in objects", p.name),
                format!("{} 引用的结构 '{name}' 不在 objects 中", p.name),
            ));
        }
        if stack.iter().any(|s| s == name) || depth >= MAX_INLINE_DEPTH {
            p.reference = Some(name.into());
            if !self.structs.contains_key(name) && !self.wanted.iter().any(|w| w == name) {
                self.wanted.push(name.into());
            }
            return Ok(());
        }
        stack.push(name.into());
        let fields = self.members_of(name, stack, depth + 1, side);
        stack.pop();
        p.fields = fields?;
        Ok(())
    }

    /// Fills `structs` for every referenced structure (which may reference more).
    fn resolve_wanted(&mut self) -> core::result::Result<(), Why> {
        while let Some(name) = self.wanted.pop() {
            if self.structs.contains_key(&name) {
                continue;
            }
            // A placeholder first, so a reference back to this structure is not wanted again.
            self.structs.insert(name.clone(), Vec::new());
            let fields = self.members_of(&name, &mut vec![name.clone()], 1, Side::Input)?;
            self.structs.insert(name, fields);
        }
        Ok(())
    }
}

fn scalar_type(member: &str) -> Option<ParamType> {
    Some(match member {
        "int64" => ParamType::Int64,
        "uint64" => ParamType::Uint64,
        "float" => ParamType::Float,
        "bool" => ParamType::Bool,
        "string" | "date" | "datetime" | "datetime_iso" | "binary" => ParamType::String,
        _ => return None,
    })
}

/// One `examples.json` entry: parameters recovered from the request sketch, which is either a
/// POST with a JSON body after the common-parameter placeholder, or a GET URL with 0-based
/// flattened names. What cannot be read leaves `params` null and keeps the text.
fn example(spec: &ApiSpec, e: &Value) -> Example {
    let text = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or_default();
    let input = text("input").trim();
    let (params, request) = if input.starts_with("http://") || input.starts_with("https://") {
        let (params, query) = from_get_url(spec, input);
        (params, Some(DocumentedRequest { method: "GET".into(), query, body: String::new() }))
    } else {
        let body = match input.find(PLACEHOLDER) {
            Some(at) => input[at + PLACEHOLDER.len()..].trim(),
            None if input.starts_with('{') => input,
            None => "",
        };
        let params = match serde_json::from_str::<Value>(body) {
            Ok(v @ Value::Object(_)) => v,
            _ => Value::Null,
        };
        let request = (!body.is_empty()).then(|| DocumentedRequest {
            method: "POST".into(),
            query: String::new(),
            body: body.into(),
        });
        (params, request)
    };
    let response = serde_json::from_str::<Value>(text("output")).ok();
    Example {
        title: Doc::new("", text("title")),
        doc: Doc::new("", plain_text(text("document"))),
        params,
        region: None,
        request,
        response,
    }
}

fn from_get_url(spec: &ApiSpec, url: &str) -> (Value, String) {
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let mut kept: Vec<String> = Vec::new();
    let mut params = Value::Object(Map::new());
    for seg in query.split('&') {
        let seg = seg.trim();
        if seg.is_empty() || seg.starts_with('<') {
            continue;
        }
        kept.push(seg.into());
        let (raw_name, raw_value) = seg.split_once('=').unwrap_or((seg, ""));
        // The sketch is hand-written: decode what is percent-encoded, keep the rest as typed.
        let sketch = alloc::format!("{raw_name}={raw_value}");
        let decoded = parse_query(&sketch, "example").ok();
        let (name, value) = match decoded.as_deref() {
            Some([(n, v)]) => (String::from_utf8_lossy(n).into_owned(), String::from_utf8_lossy(v).into_owned()),
            _ => (raw_name.to_owned(), raw_value.to_owned()),
        };
        if matches!(name.as_str(), "Action" | "Version" | "Region") {
            continue;
        }
        let segs: Vec<&str> = name.split('.').collect();
        if segs.len() > MAX_DEPTH {
            continue;
        }
        let leaf = typed_leaf(spec, &segs, value);
        insert(&mut params, &segs, leaf);
    }
    (params, kept.join("&"))
}

/// The text of a flattened value, typed by the spec's field at that path.
fn typed_leaf(spec: &ApiSpec, segs: &[&str], text: String) -> Value {
    let mut fields: Option<&[Param]> = Some(&spec.params);
    let mut cur: Option<&Param> = None;
    for seg in segs {
        if seg.bytes().all(|b| b.is_ascii_digit()) {
            cur = cur.and_then(|p| p.items.as_deref());
        } else {
            cur = fields.and_then(|f| f.iter().find(|p| p.name == *seg));
        }
        fields = cur.and_then(|p| spec.fields_of(p));
    }
    match cur.map(|p| p.ty) {
        Some(ParamType::Int64 | ParamType::Uint64) => match parse_decimal(&text).ok().and_then(int_to_number) {
            Some(n) => Value::Number(n),
            None => Value::String(text),
        },
        Some(ParamType::Float) => match parse_f64(&text).and_then(serde_json::Number::from_f64) {
            Some(n) => Value::Number(n),
            None => Value::String(text),
        },
        Some(ParamType::Bool) if text.eq_ignore_ascii_case("true") => Value::Bool(true),
        Some(ParamType::Bool) if text.eq_ignore_ascii_case("false") => Value::Bool(false),
        _ => Value::String(text),
    }
}

/// Puts a leaf at a dotted path, numeric segments indexing arrays (0-based).
fn insert(root: &mut Value, segs: &[&str], leaf: Value) {
    let Some((first, rest)) = segs.split_first() else { return };
    let index = first.parse::<usize>().ok().filter(|_| first.bytes().all(|b| b.is_ascii_digit()));
    let slot: &mut Value = match index {
        Some(i) if i <= MAX_EXAMPLE_INDEX => {
            if !root.is_array() {
                *root = Value::Array(Vec::new());
            }
            let Value::Array(items) = root else { return };
            while items.len() <= i {
                items.push(Value::Null);
            }
            &mut items[i]
        }
        Some(_) => return,
        None => {
            if !root.is_object() {
                *root = Value::Object(Map::new());
            }
            let Value::Object(map) = root else { return };
            map.entry(*first).or_insert(Value::Null)
        }
    };
    if rest.is_empty() {
        *slot = leaf;
    } else {
        insert(slot, rest, leaf);
    }
}

fn str_field<'a>(m: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    m.get(k).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use alloc::string::ToString;
    use serde_json::json;

    fn api(objects: Value) -> String {
        json!({
            "actions": {"Make": {"name": "造", "document": "d", "input": "MakeRequest", "output": "MakeResponse", "status": "online"}},
            "metadata": {"apiVersion": "2020-01-01", "serviceShortName": "demo"},
            "objects": objects,
            "version": "1.0"
        })
        .to_string()
    }

    #[test]
    fn self_referencing_structures_become_refs_and_terminate() {
        let text = api(json!({
            "MakeRequest": {"members": [
                {"name": "Tree", "type": "object", "member": "Node", "required": true, "document": "", "example": "无"}
            ], "type": "object"},
            "MakeResponse": {"members": [{"name": "RequestId", "type": "string", "member": "string", "document": ""}], "type": "object"},
            "Node": {"members": [
                {"name": "Name", "type": "string", "member": "string", "required": true, "document": ""},
                {"name": "Children", "type": "list", "member": "Node", "required": false, "document": ""},
                {"name": "Other", "type": "object", "member": "Leaf", "required": false, "document": ""}
            ], "usage": "in"},
            "Leaf": {"members": [{"name": "Up", "type": "object", "member": "Node", "document": ""}], "usage": "in"}
        }));
        let out = import(&text, None).unwrap();
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        let spec = &out.specs[0];
        assert_eq!(spec.id(), "demo/2020-01-01/Make");
        let tree = spec.param("Tree").unwrap();
        assert_eq!(tree.fields.len(), 3);
        let children = tree.fields.iter().find(|f| f.name == "Children").unwrap();
        assert_eq!(children.items.as_ref().unwrap().reference.as_deref(), Some("Node"));
        assert!(spec.structs.contains_key("Node"));
        // validation follows the reference as deep as the data goes
        let params = json!({"Tree": {"Name": "a", "Children": [{"Name": "b", "Children": [{"Children": []}]}]}});
        let v = crate::validate::validate(spec, &params);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].path, "Tree.Children[0].Children[0].Name");
        assert_eq!(v[0].code, "MissingParameter");
    }

    #[test]
    fn float_leaves_are_numbers_when_they_parse_finite() {
        let mut spec = crate::catalog::builtin_spec("hai/2023-08-12/RunInstances").unwrap().unwrap();
        spec.params.push(Param::new("Ratio", ParamType::Float));
        for (text, want) in [
            ("1.", "1.0"),
            (".5", "0.5"),
            ("-0", "-0.0"),
            ("1e-2", "0.01"),
            ("1e400", "\"1e400\""),
            ("-Infinity", "\"-Infinity\""),
            ("nan", "\"nan\""),
        ] {
            assert_eq!(typed_leaf(&spec, &["Ratio"], text.into()).to_string(), want, "{text}");
        }
    }

    #[test]
    fn examples_of_another_shape_or_service_are_refused_and_good_ones_read() {
        let text = api(json!({
            "MakeRequest": {"members": [{"name": "Size", "type": "int", "member": "int64", "required": true, "document": ""}], "type": "object"},
            "MakeResponse": {"members": [{"name": "RequestId", "type": "string", "member": "string", "document": ""}], "type": "object"}
        }));
        let refused = |examples: Value| {
            import(&text, Some(&examples.to_string())).err().map(|e| (e.kind, e.path.unwrap_or_default()))
        };
        let at = |path: &str| Some((ErrorKind::InvalidSpec, String::from(path)));
        assert_eq!(refused(json!([])), at("examplesJson.actions"));
        assert_eq!(refused(json!({"version": "1.0"})), at("examplesJson.actions"));
        assert_eq!(refused(json!({"actions": 5})), at("examplesJson.actions"));
        assert_eq!(refused(json!({"actions": {"Make": {"input": "x"}}})), at("examplesJson.actions.Make"));
        assert_eq!(refused(json!({"actions": {"Make": [{"input": "x"}, "y"]}})), at("examplesJson.actions.Make"));
        // Another service's file: none of its actions is one of this api.json's, or its
        // requests go to another endpoint.
        assert_eq!(refused(json!({"actions": {"DescribeThings": []}})), at("examplesJson.actions"));
        let elsewhere = "POST / HTTP/1.1\nHost: other.tencentcloudapi.com\n<公共请求参数>\n\n{}";
        assert_eq!(refused(json!({"actions": {"Make": [{"input": elsewhere}]}})), at("examplesJson.actions"));
        // A name that only ends like this one's is another service's; a regional host is its own.
        let lookalike = "https://codemo.tencentcloudapi.com/?Action=Make";
        assert_eq!(refused(json!({"actions": {"Make": [{"input": lookalike}]}})), at("examplesJson.actions"));
        let regional = "https://demo.ap-guangzhou.tencentcloudapi.com/?Action=Make&Size=1";
        assert_eq!(refused(json!({"actions": {"Make": [{"input": regional}]}})), None);
        // An empty list, or none for some actions, is a file that has no examples for them.
        assert_eq!(refused(json!({"actions": {}})), None);
        let body = "POST / HTTP/1.1\nHost: demo.tencentcloudapi.com\n<公共请求参数>\n\n{\"Size\": 3}";
        let good = json!({"actions": {"Make": [{"title": "t", "document": "d", "input": body, "output": "{}"}], "Other": []}, "version": "1.0"});
        let out = import(&text, Some(&good.to_string())).unwrap();
        assert_eq!(out.specs[0].examples.len(), 1);
        assert_eq!(out.specs[0].examples[0].params, json!({"Size": 3}));
    }

    #[test]
    fn bad_documents_are_errors_and_bad_actions_are_skipped() {
        assert_eq!(import("not json", None).unwrap_err().kind, ErrorKind::InvalidJson);
        // A file's name given for its contents is said to be one.
        let named = import("tccli/services/cvm/v20170312/api.json", None).unwrap_err();
        assert!(
            named.message.ends_with("this is a file's name: give its contents (its text or bytes)"),
            "{}",
            named.message
        );
        assert!(!import("not json", None).unwrap_err().message.contains("file's name"));
        assert_eq!(import("[]", None).unwrap_err().kind, ErrorKind::InvalidSpec);
        assert_eq!(import(r#"{"actions":{},"objects":{}}"#, None).unwrap_err().path.as_deref(), Some("metadata"));
        // The two files swapped: told so.
        let e = import(r#"{"actions":{"RunInstances":[{"title":"t"}]}}"#, None).unwrap_err();
        assert!(e.message.contains("api.json first"), "{}", e.message);
        assert_eq!(import("[]", None).unwrap_err().path.as_deref(), Some("apiJson"));
        // The version is named as what it is not, whether mistyped or of another type.
        for (version, says) in
            [(json!(5), "must be a string"), (json!("2023-8-12"), "YYYY-MM-DD"), (json!(null), "missing")]
        {
            let doc =
                json!({"metadata": {"apiVersion": version, "serviceShortName": "demo"}, "actions": {}, "objects": {}});
            let e = import(&doc.to_string(), None).unwrap_err();
            assert_eq!(e.path.as_deref(), Some("metadata.apiVersion"));
            assert!(e.message.contains(says), "{version}: {}", e.message);
        }
        let text = api(json!({
            "MakeRequest": {"members": [{"name": "X", "type": "object", "member": "Missing", "document": ""}], "type": "object"}
        }));
        let out = import(&text, None).unwrap();
        assert!(out.specs.is_empty());
        assert!(out.skipped[0].reason.contains("Missing"), "{:?}", out.skipped);
    }

    #[test]
    fn get_examples_unflatten_with_types() {
        let text = api(json!({
            "MakeRequest": {"members": [
                {"name": "Ids", "type": "list", "member": "uint64", "document": ""},
                {"name": "Filters", "type": "list", "member": "Filter", "document": ""},
                {"name": "On", "type": "bool", "member": "bool", "document": ""}
            ], "type": "object"},
            "Filter": {"members": [
                {"name": "Name", "type": "string", "member": "string", "document": ""},
                {"name": "Values", "type": "list", "member": "string", "document": ""}
            ], "usage": "in"}
        }));
        let examples = json!({"actions": {"Make": [{
            "title": "t", "document": "", "output": "{\"Response\": {}}",
            "input": "https://demo.tencentcloudapi.com/?Action=Make\r\n&Ids.1=7\r\n&Ids.0=9007199254740993\r\n&Filters.0.Name=zone\r\n&Filters.0.Values.0=a%20b\r\n&On=True\r\n&<公共请求参数>"
        }]}});
        let out = import(&text, Some(&examples.to_string())).unwrap();
        let ex = &out.specs[0].examples[0];
        let want: Value = serde_json::from_str(
            r#"{"Ids": [9007199254740993, 7], "Filters": [{"Name": "zone", "Values": ["a b"]}], "On": true}"#,
        )
        .unwrap();
        assert_eq!(ex.params, want);
        assert_eq!(ex.request.as_ref().unwrap().method, "GET");
    }
}
