//! Importer for Alibaba Cloud's API metadata in the aliyun-openapi-meta format (the data
//! aliyun-cli embeds): per-action files (`metadatas/`, `en-US/`, `zh-CN/<product>/<Action>.json`),
//! the per-version index (`<lang>/<product>/version.json`) and a product's entry of
//! `products.json` (endpoints).
//!
//! Types map as: String → string; Integer → int64 bounded to 32 bits; Long → int64;
//! Boolean → bool; Float/Double → float; RepeatList/Array → array (of objects when it has
//! sub-parameters, else of strings); Struct → object; Json → string holding JSON. Actions with
//! any other type, with path or host parameters, or in ROA style are skipped with the reason.
//! Descriptions come from the en-US and zh-CN files; allowed values and conditions that exist
//! only in that prose stay prose.

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec;
use alloc::vec::Vec;

use serde_json::{Map, Number, Value};

use super::{invalid, parse_json, spec_flaw, why, Imported, Skipped, Why};
use crate::error::Result;
use crate::sign::Algorithm;
use crate::spec::{ApiSpec, ApiStyle, Doc, Endpoints, Format, Location, Param, ParamType, Presence, MAX_DEPTH};

/// Which language variant a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    const EXPECTED: &'static str = "unknown language: the keys are metadatas (no language), en-US or zh-CN (en, zh)";

    /// `en-US`/`en` or `zh-CN`/`zh`; `None` for the language-less `metadatas` form.
    pub fn parse(s: &str) -> Option<Option<Lang>> {
        match s {
            "metadatas" | "" => Some(None),
            "en-US" | "en" => Some(Some(Lang::En)),
            "zh-CN" | "zh" => Some(Some(Lang::Zh)),
            _ => None,
        }
    }
}

#[derive(Default)]
struct ActionFiles {
    plain: Option<Value>,
    en: Option<Value>,
    zh: Option<Value>,
}

/// Collects the files of one product version, then turns each action into a spec.
pub struct AlibabaImporter {
    product: String,
    version: String,
    style: Option<String>,
    product_name: Doc,
    regions: BTreeMap<String, String>,
    global: Option<String>,
    regional: bool,
    index: BTreeMap<String, (Doc, Doc, bool)>,
    actions: BTreeMap<String, ActionFiles>,
}

impl core::fmt::Debug for AlibabaImporter {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AlibabaImporter")
            .field("product", &self.product)
            .field("version", &self.version)
            .field("actions", &self.actions.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl AlibabaImporter {
    /// `product` is the lower-case product code as in the folder names and endpoints
    /// (`bssopenapi`); `version` is `YYYY-MM-DD`.
    pub fn new(product: &str, version: &str) -> Result<Self> {
        let product = product.to_ascii_lowercase();
        if product.is_empty() || !product.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(invalid("product", &format!("'{product}' is not a product code"))
                .zh(format!("'{product}' 不是产品代码。")));
        }
        if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return Err(invalid("version", &format!("'{version}' is not a version such as 2017-12-14"))
                .zh(format!("'{version}' 不是 2017-12-14 这样的版本。")));
        }
        Ok(AlibabaImporter {
            product,
            version: version.into(),
            style: None,
            product_name: Doc::default(),
            regions: BTreeMap::new(),
            global: None,
            regional: false,
            index: BTreeMap::new(),
            actions: BTreeMap::new(),
        })
    }

    /// A product's entry from `products.json`, in either the `metadatas` form (`regional_endpoints`,
    /// `global_endpoint`, `api_style`) or the `en-US`/`zh-CN` form (`endpoints`, `endpointType`).
    pub fn product_entry(&mut self, json: &str) -> Result<()> {
        let v = parse_json(json, "products entry", "bundle")?;
        let m = v.as_object().ok_or_else(|| invalid("products", "a product entry must be an object"))?;
        if let Some(ver) = m.get("version").and_then(Value::as_str) {
            if ver != self.version {
                return Err(invalid(
                    "products.version",
                    &format!("the entry is for version {ver}, not {}", self.version),
                ));
            }
        }
        if let Some(style) = m.get("api_style").and_then(Value::as_str) {
            self.style = Some(style.to_ascii_lowercase());
        }
        if let Some(g) = m.get("global_endpoint").and_then(Value::as_str).filter(|g| !g.is_empty()) {
            self.global = Some(api_host(g, "products.global_endpoint")?);
        }
        if let Some(map) = m.get("regional_endpoints").and_then(Value::as_object) {
            self.regional = true;
            for (region, host) in map {
                if let Some(h) = host.as_str() {
                    let h = api_host(h, &format!("products.regional_endpoints.{region}"))?;
                    self.regions.insert(region.clone(), h);
                }
            }
        }
        if let Some(map) = m.get("endpoints").and_then(Value::as_object) {
            for (region, e) in map {
                if let Some(h) = e.get("public").and_then(Value::as_str) {
                    let h = api_host(h, &format!("products.endpoints.{region}.public"))?;
                    self.regions.insert(region.clone(), h);
                }
            }
        }
        if m.get("endpointType").and_then(Value::as_str) == Some("regional") {
            self.regional = true;
        }
        if let Some(name) = m.get("name") {
            match name {
                Value::String(s) if s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) => {
                    self.product_name.zh = s.clone()
                }
                Value::String(s) => self.product_name.en = s.clone(),
                Value::Object(o) => {
                    if let Some(en) = o.get("en").and_then(Value::as_str) {
                        self.product_name.en = en.into();
                    }
                    if let Some(zh) = o.get("zh").and_then(Value::as_str).filter(|z| !z.is_empty()) {
                        self.product_name.zh = zh.into();
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// `version.json`: titles, summaries and deprecation of the version's actions.
    pub fn version_index(&mut self, json: &str, lang: Option<Lang>) -> Result<()> {
        let v = parse_json(json, "version.json", "bundle")?;
        let m = v.as_object().ok_or_else(|| invalid("version.json", "must be an object"))?;
        if let Some(ver) = m.get("version").and_then(Value::as_str) {
            if ver != self.version {
                return Err(invalid(
                    "version.json.version",
                    &format!("the index is for version {ver}, not {}", self.version),
                )
                .zh(format!("该索引属于版本 {ver}，不是 {}。", self.version)));
            }
        }
        if let Some(style) = m.get("style").and_then(Value::as_str) {
            self.style = Some(style.to_ascii_lowercase());
        }
        let apis = m.get("apis").and_then(Value::as_object).ok_or_else(|| invalid("version.json.apis", "missing"))?;
        for (name, a) in apis {
            let entry = self.index.entry(name.clone()).or_default();
            let text = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
            let (title, summary) = (text("title"), text("summary"));
            match lang {
                Some(Lang::Zh) => {
                    entry.0.zh = title;
                    entry.1.zh = summary;
                }
                _ => {
                    entry.0.en = title;
                    entry.1.en = summary;
                }
            }
            entry.2 |= a.get("deprecated").and_then(Value::as_bool).unwrap_or(false);
        }
        Ok(())
    }

    /// One action file (`metadatas`, `en-US` or `zh-CN` form).
    pub fn action(&mut self, json: &str, lang: Option<Lang>) -> Result<()> {
        let v = parse_json(json, "action file", "bundle")?;
        let name = v
            .get("name")
            .and_then(Value::as_str)
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            .ok_or_else(|| invalid("name", "an action file needs the action's name"))?
            .to_owned();
        if !v.get("parameters").is_some_and(Value::is_array) {
            return Err(invalid(&format!("{name}.parameters"), "must be a list"));
        }
        let files = self.actions.entry(name).or_default();
        match lang {
            None => files.plain = Some(v),
            Some(Lang::En) => files.en = Some(v),
            Some(Lang::Zh) => files.zh = Some(v),
        }
        Ok(())
    }

    /// One spec per action with a file. The index only gives titles: an action it lists whose
    /// file was not given is not reported (a bundle of a few actions with the whole product's
    /// index would list every other action, burying the ones that could not be imported).
    pub fn finish(self) -> Result<Imported> {
        let mut out = Imported::default();
        for (name, files) in &self.actions {
            match self.spec(name, files) {
                Ok(spec) => out.specs.push(spec),
                Err(reason) => out.skipped.push(Skipped::new(name.clone(), reason)),
            }
        }
        Ok(out)
    }

    fn endpoints(&self) -> Endpoints {
        let default = self
            .global
            .clone()
            .or_else(|| self.regions.get("cn-hangzhou").cloned())
            .or_else(|| self.regions.values().next().cloned())
            .unwrap_or_else(|| format!("{}.aliyuncs.com", self.product));
        Endpoints {
            default,
            path: "/".into(),
            regions: self.regions.clone(),
            pattern: self.regional.then(|| format!("{}.{{region}}.aliyuncs.com", self.product)),
        }
    }

    fn spec(&self, name: &str, files: &ActionFiles) -> core::result::Result<ApiSpec, Why> {
        if let Some(style) = self.style.as_deref().filter(|s| *s != "rpc") {
            return Err(why(
                format!("{style} style APIs are not supported; only RPC"),
                format!("不支持 {style} 风格的接口，只支持 RPC"),
            ));
        }
        let base = files
            .plain
            .as_ref()
            .or(files.en.as_ref())
            .or(files.zh.as_ref())
            .ok_or_else(|| why("no action file", "没有接口文件"))?;
        if let Some(p) = base.get("pathPattern").and_then(Value::as_str).filter(|p| !p.is_empty()) {
            return Err(why(
                format!("path pattern '{p}' marks a ROA-style API, which is not supported"),
                format!("路径模式 '{p}' 表明这是 ROA 风格的接口，不受支持"),
            ));
        }
        let raw = base
            .get("parameters")
            .and_then(Value::as_array)
            .ok_or_else(|| why("no parameters list", "没有参数列表"))?;
        let mut params = Vec::with_capacity(raw.len());
        for p in raw {
            let mut param = convert(p, 0)?;
            param.doc =
                Doc::new(description(files.en.as_ref(), &param.name), description(files.zh.as_ref(), &param.name));
            param.location = Some(match p.get("position").and_then(Value::as_str).unwrap_or("Query") {
                "Query" => Location::Query,
                "Body" | "FormData" => Location::Body,
                "Header" => Location::Header,
                other => {
                    return Err(why(
                        format!("parameter {} is in position '{other}', which RPC requests do not have", param.name),
                        format!("参数 {} 的位置是 '{other}'，RPC 请求没有这种位置", param.name),
                    ))
                }
            });
            params.push(param);
        }
        let mut methods: Vec<String> = base
            .get("method")
            .and_then(Value::as_str)
            .unwrap_or("POST")
            .split('|')
            .map(|m| m.trim().to_ascii_uppercase())
            .filter(|m| m == "GET" || m == "POST")
            .collect();
        // The official SDKs send POST; offer it first.
        methods.sort_by_key(|m| m != "POST");
        methods.dedup();
        if methods.is_empty() {
            return Err(why("no GET or POST method", "没有 GET 或 POST 方法"));
        }
        let (title, summary, deprecated_in_index) = self.index.get(name).cloned().unwrap_or_default();
        let deprecated = deprecated_in_index
            || [&files.en, &files.zh]
                .iter()
                .any(|f| f.as_ref().and_then(|v| v.get("deprecated")).and_then(Value::as_bool) == Some(true));
        let title = if title.is_empty() { Doc::new(name, "") } else { title };
        let spec = ApiSpec {
            product: self.product.clone(),
            version: self.version.clone(),
            action: name.into(),
            service: String::new(),
            style: ApiStyle::AlibabaRpc,
            product_name: self.product_name.clone(),
            title,
            description: summary,
            endpoints: self.endpoints(),
            region: Presence::Optional,
            methods,
            content_types: vec!["application/x-www-form-urlencoded".into()],
            algorithms: vec![Algorithm::Acs3HmacSha256, Algorithm::AcsRpcHmacSha1],
            params,
            structs: BTreeMap::new(),
            rules: Vec::new(),
            outputs: Vec::new(),
            errors: Vec::new(),
            examples: Vec::new(),
            rate_limit: None,
            deprecated,
            source: format!("aliyun-openapi-meta ({} {})", self.product, self.version),
        };
        spec.check().map_err(spec_flaw)?;
        Ok(spec)
    }
}

fn description(file: Option<&Value>, name: &str) -> String {
    file.and_then(|f| f.get("parameters"))
        .and_then(Value::as_array)
        .and_then(|ps| ps.iter().find(|p| p.get("name").and_then(Value::as_str) == Some(name)))
        .and_then(|p| p.get("description"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn convert(p: &Value, depth: usize) -> core::result::Result<Param, Why> {
    if depth > MAX_DEPTH {
        return Err(why(
            format!("sub-parameters nest deeper than {MAX_DEPTH} levels"),
            format!("子参数嵌套超过 {MAX_DEPTH} 层"),
        ));
    }
    let name = p
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .ok_or_else(|| why("a parameter has no name", "某个参数没有名称"))?;
    let ty = p.get("type").and_then(Value::as_str).unwrap_or("String");
    let subs = p.get("sub_parameters").and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
    let fields = || -> core::result::Result<Vec<Param>, Why> { subs.iter().map(|s| convert(s, depth + 1)).collect() };
    let mut param = match ty {
        "String" => Param::new(name, ParamType::String),
        "Integer" => {
            let mut p = Param::new(name, ParamType::Int64);
            p.min = Some(Number::from(i32::MIN));
            p.max = Some(Number::from(i32::MAX));
            p
        }
        "Long" => Param::new(name, ParamType::Int64),
        "Boolean" => Param::new(name, ParamType::Bool),
        "Float" | "Double" => Param::new(name, ParamType::Float),
        "RepeatList" | "Array" => {
            let mut item = if subs.is_empty() {
                Param::new("", ParamType::String)
            } else {
                let mut o = Param::new("", ParamType::Object);
                o.fields = fields()?;
                o
            };
            item.name = String::new();
            let mut p = Param::new(name, ParamType::Array);
            p.items = Some(Box::new(item));
            p
        }
        "Struct" => {
            let mut p = Param::new(name, ParamType::Object);
            p.fields = fields()?;
            p
        }
        "Json" => {
            let mut p = Param::new(name, ParamType::String);
            p.format = Some(Format::Json);
            p
        }
        other => {
            return Err(why(
                format!("parameter {name} has type '{other}', which this importer does not map"),
                format!("参数 {name} 的类型是 '{other}'，本导入器不支持该类型"),
            ))
        }
    };
    param.required = p.get("required").and_then(Value::as_bool).unwrap_or(false);
    Ok(param)
}

/// Imports a bundle of files in one JSON document:
///
/// ```json
/// { "product": "bssopenapi", "version": "2017-12-14",
///   "products": [ <products.json entries> ],
///   "index": { "en-US": <version.json>, "zh-CN": <version.json> },
///   "actions": { "metadatas": [ <action files> ], "en-US": [ ... ], "zh-CN": [ ... ] } }
/// ```
///
/// Everything but `product`, `version` and `actions` is optional.
pub fn import_bundle(json: &str) -> Result<Imported> {
    let v = parse_json(json, "bundle", "bundle")?;
    let m = v.as_object().ok_or_else(|| invalid("", "the bundle must be a JSON object"))?;
    // One action's file, or tccli's api.json, given where the bundle goes.
    let missing = if m.contains_key("parameters") {
        "missing: this is one action's file; bundle it as {product, version, actions: {metadatas: [file]}}"
    } else if m.contains_key("metadata") && m.contains_key("objects") {
        "missing: this is tccli's api.json; give it to importTccli"
    } else {
        "missing"
    };
    let s = |k: &str| match m.get(k) {
        None => Err(invalid(k, missing)),
        Some(v) => v.as_str().ok_or_else(|| invalid(k, "must be a string")),
    };
    let mut imp = AlibabaImporter::new(s("product")?, s("version")?)?;
    if let Some(list) = m.get("products").and_then(Value::as_array) {
        for entry in list {
            imp.product_entry(&entry.to_string())?;
        }
    }
    if let Some(index) = m.get("index").and_then(Value::as_object) {
        for (lang, doc) in index {
            let lang = Lang::parse(lang).ok_or_else(|| invalid(&format!("index.{lang}"), Lang::EXPECTED))?;
            imp.version_index(&doc.to_string(), lang)?;
        }
    }
    const ACTIONS: &str =
        "an object of action-file lists by language, such as {\"metadatas\": [<action files>]} (or en-US, zh-CN)";
    let actions: &Map<String, Value> = match m.get("actions") {
        None => return Err(invalid("actions", &format!("missing: {ACTIONS}"))),
        Some(a) => a.as_object().ok_or_else(|| invalid("actions", &format!("must be {ACTIONS}")))?,
    };
    let mut unread = Vec::new();
    let mut files = 0;
    for (lang_name, list) in actions {
        let lang = Lang::parse(lang_name).ok_or_else(|| invalid(&format!("actions.{lang_name}"), Lang::EXPECTED))?;
        let list = list.as_array().ok_or_else(|| invalid(&format!("actions.{lang_name}"), "must be a list"))?;
        files += list.len();
        for (i, doc) in list.iter().enumerate() {
            // One unreadable file among hundreds is skipped like an action that cannot be
            // imported, named by its place when it has no name.
            if let Err(e) = imp.action(&doc.to_string(), lang) {
                let action = match doc.get("name").and_then(Value::as_str) {
                    Some(name) if !name.is_empty() => String::from(name),
                    _ => format!("actions.{lang_name}[{i}]"),
                };
                let zh = e.message_zh.clone().unwrap_or_else(|| e.message.clone());
                let reason = match &e.path {
                    Some(path) => why(format!("{path}: {}", e.message), format!("{path}：{zh}")),
                    None => why(e.message, zh),
                };
                unread.push(Skipped::new(action, reason));
            }
        }
    }
    // An import of nothing is a slip (an empty list, a wrong folder read), not a success.
    if files == 0 {
        return Err(invalid("actions", &format!("holds no action file: give at least one, as {ACTIONS}")));
    }
    let mut out = imp.finish()?;
    out.skipped.extend(unread);
    Ok(out)
}

/// An endpoint named by a products entry, if it is an Alibaba Cloud API host. An import is
/// kept for later visits, and every request signed for its APIs goes where it says, with the
/// session token if there is one: a bucket's or another site's name is refused.
fn api_host(host: &str, path: &str) -> Result<String> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if crate::hosts::is_vendor_api_host(&host) && host.ends_with(".aliyuncs.com") {
        Ok(host)
    } else {
        Err(invalid(
            path,
            &format!(
                "'{host}' is not an Alibaba Cloud API host (<product>[.<region>].aliyuncs.com, not an OSS bucket's)"
            ),
        ))
    }
}
