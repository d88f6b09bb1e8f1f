//! The API spec: one action of one product version, as data.
//!
//! A spec says where the action lives (endpoints, style, methods, algorithms), what it takes
//! (the parameter tree with types and rules), what it returns, which errors it documents, and
//! examples. Built-in specs are JSON files under `specs/`; importers produce the same type from
//! vendor metadata. Every type here is plain serde data so it crosses into JS unchanged.

use alloc::boxed::Box;
use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};
use serde_json::{Number, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::sign::Algorithm;
use crate::time::UtcDateTime;

/// The deepest nesting of parameters a spec may declare and a call may send. Real APIs stay
/// far below it (cvm RunInstances reaches 4); the limit keeps recursion bounded on hostile input.
pub const MAX_DEPTH: usize = 32;

/// Text in English and Chinese. Either may be empty when the source has only one language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields, expecting = "a text in English and Chinese, {\"en\": \"…\", \"zh\": \"…\"}")]
pub struct Doc {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub en: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub zh: String,
}

impl Doc {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Doc { en: en.into(), zh: zh.into() }
    }

    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.zh.is_empty()
    }
}

/// How requests to the API are shaped on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub enum ApiStyle {
    /// Tencent Cloud API 3.0: `X-TC-*` headers, JSON body or flattened query.
    #[serde(rename = "tencent-api3")]
    TencentApi3,
    /// Tencent Cloud legacy API 2.0 (`*.api.qcloud.com/v2/index.php`): every parameter,
    /// common ones included, in the query or a form body.
    #[serde(rename = "tencent-legacy")]
    TencentLegacy,
    /// Alibaba Cloud RPC style: one path `/`, the action chosen by name.
    #[serde(rename = "alibaba-rpc")]
    AlibabaRpc,
}

impl ApiStyle {
    /// The name as `{:?}` writes it (`TencentApi3`), for messages without the Debug machinery.
    pub(crate) fn variant_name(self) -> &'static str {
        match self {
            ApiStyle::TencentApi3 => "TencentApi3",
            ApiStyle::TencentLegacy => "TencentLegacy",
            ApiStyle::AlibabaRpc => "AlibabaRpc",
        }
    }

    /// Whether an algorithm can sign requests of this style.
    pub fn accepts(self, algorithm: Algorithm) -> bool {
        match self {
            // API 3.0 also accepts the v1 signature (HmacSHA1/HmacSHA256 over the parameters).
            ApiStyle::TencentApi3 => {
                matches!(algorithm, Algorithm::Tc3HmacSha256 | Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256)
            }
            ApiStyle::TencentLegacy => matches!(algorithm, Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256),
            ApiStyle::AlibabaRpc => matches!(algorithm, Algorithm::AcsRpcHmacSha1 | Algorithm::Acs3HmacSha256),
        }
    }

    /// The style as a spec writes it, the vendor domain its API hosts are under, and their
    /// shape as a refusal says it.
    fn hosts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ApiStyle::TencentApi3 => ("tencent-api3", "tencentcloudapi.com", "*.tencentcloudapi.com"),
            ApiStyle::TencentLegacy => ("tencent-legacy", "api.qcloud.com", "*.api.qcloud.com"),
            ApiStyle::AlibabaRpc => {
                ("alibaba-rpc", "aliyuncs.com", "<product>[.<region>].aliyuncs.com (not an OSS bucket's)")
            }
        }
    }

    pub fn is_tencent(self) -> bool {
        !matches!(self, ApiStyle::AlibabaRpc)
    }

    /// The vendor's names, in English and Chinese and as its SDKs and domains spell it, for
    /// search: someone looking for "阿里云" or "Tencent" means every API of that vendor.
    pub fn vendor_names(self) -> &'static str {
        if self.is_tencent() {
            "Tencent Cloud 腾讯云 tencentcloud qcloud"
        } else {
            "Alibaba Cloud 阿里云 aliyun alibabacloud"
        }
    }
}

/// The JSON type a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ParamType {
    String,
    /// A signed 64-bit integer; also accepted as a decimal string, exact to the last digit.
    Int64,
    /// An unsigned 64-bit integer; also accepted as a decimal string, exact to the last digit.
    Uint64,
    Float,
    Bool,
    Object,
    Array,
}

impl ParamType {
    /// The name as `{:?}` writes it (`Int64`), for messages without the Debug machinery.
    pub(crate) fn variant_name(self) -> &'static str {
        match self {
            ParamType::String => "String",
            ParamType::Int64 => "Int64",
            ParamType::Uint64 => "Uint64",
            ParamType::Float => "Float",
            ParamType::Bool => "Bool",
            ParamType::Object => "Object",
            ParamType::Array => "Array",
        }
    }

    pub fn is_integer(self) -> bool {
        matches!(self, ParamType::Int64 | ParamType::Uint64)
    }

    pub fn is_number(self) -> bool {
        matches!(self, ParamType::Int64 | ParamType::Uint64 | ParamType::Float)
    }

    pub fn is_scalar(self) -> bool {
        !matches!(self, ParamType::Object | ParamType::Array)
    }
}

/// A format rule on a string value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Dotted-quad IPv4 address, each part 0..=255 without leading zeros.
    Ipv4,
    /// The string must itself be a JSON document (e.g. Alibaba's `Logistics`).
    Json,
    /// The string must start with this prefix (e.g. `app-`).
    Prefix(String),
}

/// Where an Alibaba parameter travels. Tencent specs leave it unset: the style decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Location {
    Query,
    Body,
    Header,
}

/// One parameter (or output field) and its rules. Objects declare `fields` inline or point to a
/// shared structure with `ref`; an object with neither accepts any members. Arrays describe their
/// element in `items` (whose `name` is unused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Param {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(rename = "type")]
    pub ty: ParamType,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The value the service assumes when the parameter is absent. A required parameter with a
    /// default is never reported missing; the built request carries the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "unknown"))]
    pub default: Option<Value>,
    /// The only values allowed (an enum). Empty means no such rule.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "tsify", tsify(type = "unknown[]"))]
    pub allowed: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "number"))]
    pub min: Option<Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "number"))]
    pub max: Option<Number>,
    /// Integer values must be a multiple of this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiple_of: Option<u64>,
    /// Length bounds of a string, in Unicode characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// The vendor's error code for a value that breaks this parameter's rules (range, length,
    /// allowed values, format), when the vendor documents a specific one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Box<Param>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Param>,
    /// Name of a structure in the API's `structs` whose fields this object has; used where a
    /// structure contains itself, so the tree stays finite.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub doc: Doc,
    /// A sample value for display (vendor examples are often not valid JSON of the right type).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "unknown"))]
    pub example: Option<Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Param {
    /// A parameter with only a name and a type; the rest is set field by field.
    pub fn new(name: impl Into<String>, ty: ParamType) -> Self {
        Param {
            name: name.into(),
            ty,
            required: false,
            default: None,
            allowed: Vec::new(),
            min: None,
            max: None,
            multiple_of: None,
            min_length: None,
            max_length: None,
            min_items: None,
            max_items: None,
            format: None,
            value_code: None,
            items: None,
            fields: Vec::new(),
            reference: None,
            location: None,
            deprecated: false,
            doc: Doc::default(),
            example: None,
        }
    }
}

/// A condition on one field: it equals a value, or (without `equals`) it is present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Dotted path from the top of the parameters, e.g. `RenewalStatus` or `SystemDisk.DiskType`.
    pub field: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "unknown"))]
    pub equals: Option<Value>,
}

/// A rule across fields: when `when` holds, every field in `require` must be present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub when: Condition,
    pub require: Vec<String>,
    /// The vendor's error code when the rule is broken; `MissingParameter` if unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub doc: Doc,
}

/// Where the API is served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct Endpoints {
    /// Host used when no region-specific one applies.
    pub default: String,
    /// Request path (`/` for API 3.0 and Alibaba RPC, `/v2/index.php` for Tencent legacy).
    #[serde(default = "root_path")]
    pub path: String,
    /// Region id → host, where the vendor names one.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub regions: BTreeMap<String, String>,
    /// Host for a region not in `regions`, with `{region}` in place of the region id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
}

fn root_path() -> String {
    "/".into()
}

/// Whether the caller must name a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Required,
    #[default]
    Optional,
}

/// A documented error code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct ErrorCode {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub doc: Doc,
}

/// The request of an example as the vendor's page shows it (business parameters, plus whatever
/// common parameters the page spells out). `query` is the raw query without `?`; `body` is text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct DocumentedRequest {
    pub method: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
}

/// A worked example: the parameters to send, and what the vendor documents for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct Example {
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub title: Doc,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub doc: Doc,
    /// Business parameters as a caller passes them (a JSON object).
    #[cfg_attr(feature = "tsify", tsify(type = "Record<string, unknown>"))]
    pub params: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<DocumentedRequest>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "tsify", tsify(type = "unknown"))]
    pub response: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    pub per_second: u32,
}

/// One API action: `{product}/{version}/{action}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify), tsify(hashmap_as_object))]
#[serde(deny_unknown_fields)]
pub struct ApiSpec {
    /// Product code as in the endpoint and the API id (`hai`, `bssopenapi`).
    pub product: String,
    pub version: String,
    pub action: String,
    /// Service name in the TC3 credential scope; the product when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub service: String,
    pub style: ApiStyle,
    /// The product's name as the vendor's console and docs spell it (`云数据库 PostgreSQL`,
    /// `Expenses and Costs`): what people search for when they do not know the code.
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub product_name: Doc,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub title: Doc,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub description: Doc,
    pub endpoints: Endpoints,
    #[serde(default)]
    pub region: Presence,
    /// Upper-case HTTP methods; the first is the default.
    #[cfg_attr(feature = "tsify", tsify(type = "(\"GET\" | \"POST\")[]"))]
    pub methods: Vec<String>,
    /// Body content types a POST may use; the first is the default (none: parameters in the query).
    // Typed as `prepare`'s content_type option takes them, so one can be passed on as it is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(
        feature = "tsify",
        tsify(type = "(\"application/json\" | \"application/x-www-form-urlencoded\")[]", optional)
    )]
    pub content_types: Vec<String>,
    /// Signing algorithms; the first is the default.
    pub algorithms: Vec<Algorithm>,
    #[serde(default)]
    pub params: Vec<Param>,
    /// Shared structures referenced by `ref` (only where a structure contains itself).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub structs: BTreeMap<String, Vec<Param>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<Param>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorCode>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimit>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub deprecated: bool,
    /// Where the facts come from (a seed page, a metadata package and version).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl ApiSpec {
    /// `{product}/{version}/{action}`, e.g. `hai/2023-08-12/RunInstances`.
    pub fn id(&self) -> String {
        format!("{}/{}/{}", self.product, self.version, self.action)
    }

    /// Whether `id` is [`id`](Self::id), without building it: every `prepare` looks its spec
    /// up by id, and formatting each spec's id on the way was a twentieth of the time.
    pub fn has_id(&self, id: &str) -> bool {
        let rest = id.strip_prefix(self.product.as_str()).and_then(|r| r.strip_prefix('/'));
        let rest = rest.and_then(|r| r.strip_prefix(self.version.as_str())).and_then(|r| r.strip_prefix('/'));
        rest == Some(self.action.as_str())
    }

    /// The service name in the TC3 credential scope.
    pub fn service(&self) -> &str {
        if self.service.is_empty() {
            &self.product
        } else {
            &self.service
        }
    }

    /// Parses and checks one spec document.
    pub fn from_json(text: &str) -> Result<Self> {
        let spec: ApiSpec = crate::json::typed(text).map_err(|e| Error::new(ErrorKind::InvalidSpec, e.to_string()))?;
        spec.check()?;
        Ok(spec)
    }

    /// The fields of an object parameter: inline, or from the structure it refers to.
    /// `None` means the object accepts any members.
    pub fn fields_of<'a>(&'a self, param: &'a Param) -> Option<&'a [Param]> {
        if let Some(name) = &param.reference {
            return self.structs.get(name).map(Vec::as_slice);
        }
        if param.fields.is_empty() {
            None
        } else {
            Some(&param.fields)
        }
    }

    /// Looks up a top-level or nested (dotted, objects only) parameter.
    pub fn param(&self, dotted: &str) -> Option<&Param> {
        let mut fields: &[Param] = &self.params;
        let mut found = None;
        for (depth, part) in dotted.split('.').enumerate() {
            if depth > MAX_DEPTH {
                return None;
            }
            if depth > 0 {
                let parent: &Param = found?;
                fields = self.fields_of(parent)?;
            }
            found = fields.iter().find(|p| p.name == part);
        }
        found
    }

    /// Checks that the spec is coherent: names, types, bounds, references, algorithms. Errors
    /// name the offending spot, e.g. `params.SystemDisk.fields.DiskSize.max`.
    pub fn check(&self) -> Result<()> {
        let bad = |path: &str, msg: String| Err(Error::at(ErrorKind::InvalidSpec, path, msg));
        for (field, value) in [("product", &self.product), ("version", &self.version), ("action", &self.action)] {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) {
                return bad(field, format!("must be non-empty letters, digits, '-', '_' or '.', got '{value}'"));
            }
        }
        // The TC3 credential scope carries the service as written, and the vendor signs it
        // in lower case: another spelling makes every signature fail.
        if !self.service.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) {
            return bad("service", format!("must be letters, digits, '-', '_' or '.', got '{}'", self.service));
        }
        for (field, value) in [("product", &self.product), ("service", &self.service)] {
            if value.bytes().any(|b| b.is_ascii_uppercase()) {
                return bad(
                    field,
                    format!(
                        "must be in lower case, as the vendors write product codes ('{}'), got '{value}'",
                        value.to_ascii_lowercase()
                    ),
                );
            }
        }
        let dated =
            self.version.len() == 10 && UtcDateTime::parse_iso8601(&format!("{}T00:00:00Z", self.version)).is_some();
        if !dated {
            return bad(
                "version",
                format!(
                    "must be a date, YYYY-MM-DD with a real month and day, as both vendors write versions (2017-03-12), got '{}'",
                    self.version
                ),
            );
        }
        if self.endpoints.default.is_empty() || !is_host(&self.endpoints.default) {
            return bad("endpoints.default", format!("'{}' is not a host name", self.endpoints.default));
        }
        for (region, host) in &self.endpoints.regions {
            if !is_host(host) {
                return bad(&format!("endpoints.regions.{region}"), format!("'{host}' is not a host name"));
            }
        }
        if let Some(p) = &self.endpoints.pattern {
            if !p.contains("{region}") || !is_host(&p.replace("{region}", "x")) {
                return bad("endpoints.pattern", format!("'{p}' must be a host name containing {{region}}"));
            }
        }
        if !self.endpoints.path.starts_with('/') {
            return bad("endpoints.path", String::from("must start with '/'"));
        }
        // prepare signs real requests, credentials and all, for these hosts; a call may still
        // name another endpoint of its own.
        let (style, domain, shape) = self.style.hosts();
        let foreign = |at: &str, host: &str, shown: &str| {
            if crate::hosts::is_api_host_under(host, domain) {
                return Ok(());
            }
            bad(at, format!("'{shown}' is not an API host of the style's vendor: {style} APIs are served from {shape}"))
        };
        foreign("endpoints.default", &self.endpoints.default, &self.endpoints.default)?;
        for (region, host) in &self.endpoints.regions {
            foreign(&format!("endpoints.regions.{region}"), host, host)?;
        }
        if let Some(p) = &self.endpoints.pattern {
            // A region id of the shape both vendors use, which an Alibaba host must have.
            foreign("endpoints.pattern", &p.replace("{region}", "cn-hangzhou"), p)?;
        }
        if self.methods.is_empty() {
            return bad("methods", String::from("must list at least one of GET, POST"));
        }
        for (i, m) in self.methods.iter().enumerate() {
            if m != "GET" && m != "POST" {
                return bad(&format!("methods[{i}]"), format!("'{m}' is not GET or POST"));
            }
        }
        for (i, c) in self.content_types.iter().enumerate() {
            if c != "application/json" && c != "application/x-www-form-urlencoded" {
                return bad(
                    &format!("content_types[{i}]"),
                    format!("'{c}' is not application/json or application/x-www-form-urlencoded"),
                );
            }
            if c == "application/json" && self.style != ApiStyle::TencentApi3 {
                return bad(&format!("content_types[{i}]"), String::from("only Tencent API 3.0 takes a JSON body"));
            }
        }
        if self.algorithms.is_empty() {
            return bad("algorithms", String::from("must list at least one signing algorithm"));
        }
        for (i, a) in self.algorithms.iter().enumerate() {
            if !self.style.accepts(*a) {
                return bad(
                    &format!("algorithms[{i}]"),
                    format!("{a} cannot sign {} requests", self.style.variant_name()),
                );
            }
        }
        check_params(self, &self.params, "params", 0)?;
        for (name, fields) in &self.structs {
            check_params(self, fields, &format!("structs.{name}"), 1)?;
        }
        check_params(self, &self.outputs, "outputs", 0)?;
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.when.field.is_empty() || rule.require.is_empty() || rule.require.iter().any(String::is_empty) {
                return bad(&format!("rules[{i}]"), String::from("needs a 'when.field' and non-empty 'require' names"));
            }
            let at = |key: &str, why: String| Error::at(ErrorKind::InvalidSpec, format!("rules[{i}].{key}"), why);
            let target = self.rule_target(&rule.when.field).map_err(|why| at("when.field", why))?;
            if let (Some(p), Some(want)) = (target, &rule.when.equals) {
                if !could_equal(p, want) {
                    let why = crate::validate::flaw(p, want, "when.equals").unwrap_or_default();
                    let field = &rule.when.field;
                    return Err(at(
                        "when.equals",
                        format!("{field} can never be {want} in a valid call, so the rule never applies: {why}"),
                    ));
                }
            }
            for (j, need) in rule.require.iter().enumerate() {
                self.rule_target(need).map_err(|why| at(&format!("require[{j}]"), why))?;
            }
        }
        if self.rate_limit.as_ref().is_some_and(|r| r.per_second == 0) {
            return bad(
                "rate_limit.per_second",
                String::from("must be at least 1 (the simulator takes 0 as no limit at all); leave rate_limit out where none is documented"),
            );
        }
        for (i, e) in self.errors.iter().enumerate() {
            if e.code.is_empty() {
                return bad(&format!("errors[{i}].code"), String::from("must not be empty"));
            }
            if let Some(status) = e.http_status.filter(|s| !(100..=599).contains(s)) {
                return bad(
                    &format!("errors[{i}].http_status"),
                    format!("must be an HTTP status, 100 to 599, got {status}"),
                );
            }
        }
        for (i, ex) in self.examples.iter().enumerate() {
            if !matches!(ex.params, Value::Object(_) | Value::Null) {
                return bad(&format!("examples[{i}].params"), String::from("must be a JSON object"));
            }
        }
        Ok(())
    }
}

impl ApiSpec {
    /// The parameter a rule's dotted path names, reached as validation reaches it: through
    /// objects only. `None` past an object that takes any members, where nothing is known.
    fn rule_target(&self, dotted: &str) -> core::result::Result<Option<&Param>, String> {
        let mut fields: &[Param] = &self.params;
        let mut at = 0;
        for part in dotted.split('.') {
            let (walked, rest) = (&dotted[..at], &dotted[at..]);
            at += part.len() + 1;
            let Some(p) = fields.iter().find(|p| p.name == part) else {
                // Alibaba names some parameters with a dot ("SystemDisk.Size"); a rule's path
                // reads the dot as a step into an object.
                let why = if fields.iter().any(|p| p.name == rest) {
                    format!("'{rest}' has a dot in its name, which a rule's path reads as a step into an object: no rule can name it")
                } else if walked.is_empty() {
                    format!("'{dotted}' is not a parameter of this API")
                } else {
                    format!("'{dotted}' names no parameter: {} has no field '{part}'", &walked[..walked.len() - 1])
                };
                return Err(why);
            };
            if at > dotted.len() {
                return Ok(Some(p));
            }
            match (p.ty, self.fields_of(p)) {
                (ParamType::Object, Some(inner)) => fields = inner,
                (ParamType::Object, None) => return Ok(None),
                (ParamType::Array, _) => {
                    return Err(format!(
                        "'{dotted}' goes through the array {}{part}: a rule reaches fields through objects only, so it would never apply",
                        walked
                    ))
                }
                (ty, _) => {
                    return Err(format!("'{dotted}' goes into {walked}{part}, a {}, which has no fields", type_name(ty)))
                }
            }
        }
        Ok(None)
    }
}

/// Whether some value a call may send for `p` is equal to `want` as rules compare: `12`,
/// `12.0` and `"12"` are one integer.
fn could_equal(p: &Param, want: &Value) -> bool {
    let int = crate::number::integer_of(want)
        .ok()
        .or_else(|| want.as_f64().filter(|x| is_whole(*x) && x.abs() < 9_007_199_254_740_992.0).map(|x| x as i128));
    match int {
        Some(i) => {
            let number = crate::number::int_to_number(i).map(Value::Number);
            number.into_iter().chain([Value::String(i.to_string())]).any(|v| crate::validate::conforms(p, &v))
        }
        None => crate::validate::conforms(p, want),
    }
}

fn is_host(h: &str) -> bool {
    !h.is_empty()
        && h.len() <= 253
        && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b':')
}

/// A type as a spec writes it (`int64`).
fn type_name(ty: ParamType) -> String {
    ty.variant_name().to_ascii_lowercase()
}

/// Whether a JSON number has no fraction; every float from 2^53 on is whole.
fn is_whole(x: f64) -> bool {
    x.abs() >= 9_007_199_254_740_992.0 || (x as i64) as f64 == x
}

fn check_params(spec: &ApiSpec, params: &[Param], path: &str, depth: usize) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(Error::at(ErrorKind::InvalidSpec, path, format!("parameters nest deeper than {MAX_DEPTH} levels")));
    }
    for (i, p) in params.iter().enumerate() {
        let here = format!("{path}.{}", if p.name.is_empty() { "<unnamed>" } else { &p.name });
        if p.name.is_empty() {
            return Err(Error::at(ErrorKind::InvalidSpec, format!("{path}[{i}]"), "a parameter needs a name"));
        }
        if params[..i].iter().any(|q| q.name == p.name) {
            return Err(Error::at(ErrorKind::InvalidSpec, here, "the name is declared twice"));
        }
        check_param(spec, p, &here, depth)?;
    }
    Ok(())
}

fn check_param(spec: &ApiSpec, p: &Param, here: &str, depth: usize) -> Result<()> {
    let bad =
        |field: &str, msg: &str| Err(Error::at(ErrorKind::InvalidSpec, format!("{here}.{field}"), msg.to_string()));
    if p.location.is_some() && spec.style.is_tencent() {
        return bad(
            "location",
            "only Alibaba RPC parameters have a location: a Tencent API's style decides where each goes",
        );
    }
    if matches!(&p.format, Some(Format::Prefix(prefix)) if prefix.is_empty()) {
        return bad("format.prefix", "must not be empty: every string starts with ''");
    }
    // The key named is the one the spec has, so that its author finds it.
    let present = |keys: &[(&'static str, bool)]| keys.iter().find(|(_, given)| *given).map(|(key, _)| *key);
    if !p.ty.is_number() {
        if let Some(key) = present(&[("min", p.min.is_some()), ("max", p.max.is_some())]) {
            return bad(key, &format!("{key} applies to numbers only, and the type is {}", type_name(p.ty)));
        }
    }
    for (key, bound) in [("min", &p.min), ("max", &p.max)] {
        let Some(b) = bound.as_ref().filter(|_| p.ty.is_integer()) else { continue };
        if b.as_f64().is_some_and(|x| !is_whole(x)) {
            return bad(key, &format!("must be a whole number, as {} values are, got {b}", type_name(p.ty)));
        }
        // validate would then say "-1 is below the minimum -1" of a value no uint64 can take.
        if p.ty == ParamType::Uint64 && b.as_f64().is_some_and(|x| x < 0.0) {
            return bad(key, &format!("a uint64 is never below 0, got {b}"));
        }
    }
    if let (Some(lo), Some(hi)) = (&p.min, &p.max) {
        if crate::number::cmp_numbers(lo, hi) == Some(core::cmp::Ordering::Greater) {
            return bad("max", "max is below min");
        }
    }
    if p.multiple_of.is_some() && !p.ty.is_integer() {
        return bad("multiple_of", "multiple_of applies to integers only");
    }
    if p.multiple_of == Some(0) {
        return bad("multiple_of", "must be at least 1");
    }
    if p.ty != ParamType::String {
        let given = [
            ("min_length", p.min_length.is_some()),
            ("max_length", p.max_length.is_some()),
            ("format", p.format.is_some()),
        ];
        if let Some(key) = present(&given) {
            return bad(key, &format!("{key} applies to strings only, and the type is {}", type_name(p.ty)));
        }
    }
    if matches!((p.min_length, p.max_length), (Some(lo), Some(hi)) if lo > hi) {
        return bad("max_length", "max_length is below min_length");
    }
    if p.ty != ParamType::Array {
        if let Some(key) = present(&[("min_items", p.min_items.is_some()), ("max_items", p.max_items.is_some())]) {
            return bad(key, &format!("{key} applies to arrays only, and the type is {}", type_name(p.ty)));
        }
    }
    if matches!((p.min_items, p.max_items), (Some(lo), Some(hi)) if lo > hi) {
        return bad("max_items", "max_items is below min_items");
    }
    if p.ty != ParamType::Object && (!p.fields.is_empty() || p.reference.is_some()) {
        return bad("fields", "only objects have fields or a ref");
    }
    if !p.fields.is_empty() && p.reference.is_some() {
        return bad("ref", "an object has inline fields or a ref, not both");
    }
    if let Some(r) = &p.reference {
        if !spec.structs.contains_key(r) {
            return bad("ref", "refers to a structure that is not in 'structs'");
        }
    }
    match (&p.items, p.ty) {
        (None, ParamType::Array) => return bad("items", "an array must describe its items"),
        (Some(_), t) if t != ParamType::Array => return bad("items", "only arrays have items"),
        (Some(item), _) => check_param(spec, item, &format!("{here}.items"), depth + 1)?,
        _ => {}
    }
    if !p.allowed.is_empty() && !p.ty.is_scalar() {
        return bad("allowed", "allowed values apply to scalars only");
    }
    for (i, v) in p.allowed.iter().enumerate() {
        let key = format!("allowed[{i}]");
        if !crate::validate::conforms(&Param::new("", p.ty), v) {
            return bad(&key, &format!("{v} is not a valid {} value", p.ty.variant_name()));
        }
        // Of the type, but outside the parameter's bounds, length or format: said as such.
        if let Some(why) = crate::validate::flaw(p, v, &key) {
            return bad(&key, &why);
        }
    }
    if let Some(why) = p.default.as_ref().and_then(|d| crate::validate::flaw(p, d, "default")) {
        return bad("default", &why);
    }
    check_params(spec, &p.fields, &format!("{here}.fields"), depth + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use serde_json::json;

    #[test]
    fn variant_names_are_what_debug_writes() {
        use ParamType::*;
        for ty in [String, Int64, Uint64, Float, Bool, Object, Array] {
            assert_eq!(ty.variant_name(), format!("{ty:?}"));
        }
        for style in [ApiStyle::TencentApi3, ApiStyle::TencentLegacy, ApiStyle::AlibabaRpc] {
            assert_eq!(style.variant_name(), format!("{style:?}"));
        }
    }

    #[test]
    fn check_messages_name_the_style_and_the_type() {
        let base = crate::catalog::builtin_spec("ms/2018-04-08/CreateResourceInstances").unwrap().unwrap();
        let mut spec = base.clone();
        spec.algorithms.push(Algorithm::AcsRpcHmacSha1);
        let err = spec.check().unwrap_err();
        assert_eq!(err.message, "ACS-RPC-HMAC-SHA1 cannot sign TencentApi3 requests");
        let mut spec = base;
        let mut p = Param::new("Count", ParamType::Int64);
        p.allowed = alloc::vec![json!("x")];
        spec.params.push(p);
        let err = spec.check().unwrap_err();
        assert_eq!(err.message, "\"x\" is not a valid Int64 value");
    }

    /// A small valid spec with `patch`'s members set over it.
    fn patched(patch: Value) -> ApiSpec {
        let mut spec = json!({
            "product": "demo", "version": "2020-01-01", "action": "Do", "style": "tencent-api3",
            "endpoints": {"default": "demo.tencentcloudapi.com"},
            "methods": ["POST"], "algorithms": ["TC3-HMAC-SHA256"],
            "params": [
                {"name": "Limit", "type": "int64", "min": 1, "max": 100},
                {"name": "Name", "type": "string"},
                {"name": "Filters", "type": "array", "items": {"type": "object", "fields": [{"name": "Name", "type": "string"}]}},
                {"name": "Disk", "type": "object", "fields": [{"name": "Size", "type": "int64"}, {"name": "Tags", "type": "object"}]}
            ]
        });
        for (k, v) in patch.as_object().unwrap() {
            spec[k] = v.clone();
        }
        serde_json::from_value(spec).unwrap()
    }

    /// The path and message `check` refuses the patched spec with.
    fn refusal(patch: Value) -> (String, String) {
        let err = patched(patch.clone()).check().expect_err(&patch.to_string());
        assert_eq!(err.kind, ErrorKind::InvalidSpec, "{err}");
        (err.path.unwrap_or_default(), err.message)
    }

    fn accepted(patch: Value) {
        if let Err(e) = patched(patch.clone()).check() {
            panic!("{patch} is refused: {e}");
        }
    }

    #[test]
    fn service_and_product_are_lower_case_codes() {
        accepted(json!({"service": "cvm"}));
        accepted(json!({"service": ""}));
        assert_eq!(
            refusal(json!({"service": "CVM Service"})),
            ("service".into(), "must be letters, digits, '-', '_' or '.', got 'CVM Service'".into())
        );
        assert_eq!(
            refusal(json!({"service": "Cvm"})),
            ("service".into(), "must be in lower case, as the vendors write product codes ('cvm'), got 'Cvm'".into())
        );
        assert_eq!(
            refusal(json!({"product": "CVM"})),
            ("product".into(), "must be in lower case, as the vendors write product codes ('cvm'), got 'CVM'".into())
        );
    }

    #[test]
    fn version_is_a_real_date() {
        for ok in ["2017-03-12", "2024-02-29", "2014-05-26"] {
            accepted(json!({ "version": ok }));
        }
        for bad in ["20170312", "v3", "2017-13-45", "2017-02-30", "2023-02-29", "2017-3-12", "2017-03-12x"] {
            assert_eq!(
                refusal(json!({ "version": bad })),
                (
                    "version".into(),
                    format!("must be a date, YYYY-MM-DD with a real month and day, as both vendors write versions (2017-03-12), got '{bad}'")
                ),
            );
        }
    }

    /// `params` with `Limit` given these members over `{"name": "Limit"}`.
    fn limit(members: Value) -> Value {
        let mut p = json!({"name": "Limit"});
        for (k, v) in members.as_object().unwrap() {
            p[k] = v.clone();
        }
        json!({ "params": [p] })
    }

    #[test]
    fn a_rule_for_another_type_is_named_by_the_key_given() {
        for (members, key, rule) in [
            (
                json!({"type": "int64", "format": "ipv4"}),
                "format",
                "format applies to strings only, and the type is int64",
            ),
            (
                json!({"type": "int64", "min_length": 1}),
                "min_length",
                "min_length applies to strings only, and the type is int64",
            ),
            (
                json!({"type": "bool", "max_length": 1}),
                "max_length",
                "max_length applies to strings only, and the type is bool",
            ),
            (
                json!({"type": "string", "min_items": 1}),
                "min_items",
                "min_items applies to arrays only, and the type is string",
            ),
            (
                json!({"type": "string", "max_items": 1}),
                "max_items",
                "max_items applies to arrays only, and the type is string",
            ),
            (json!({"type": "string", "max": 5}), "max", "max applies to numbers only, and the type is string"),
            (json!({"type": "string", "min": 5}), "min", "min applies to numbers only, and the type is string"),
        ] {
            assert_eq!(refusal(limit(members)), (format!("params.Limit.{key}"), rule.into()));
        }
    }

    #[test]
    fn bounds_fit_the_integer_type() {
        accepted(limit(json!({"type": "uint64", "min": 0, "max": 5})));
        accepted(limit(json!({"type": "int64", "min": -1, "max": 2.0})));
        accepted(limit(json!({"type": "float", "min": -0.5, "max": 0.5})));
        for (members, key, rule) in [
            (json!({"type": "uint64", "min": -1}), "min", "a uint64 is never below 0, got -1"),
            (json!({"type": "uint64", "max": -3}), "max", "a uint64 is never below 0, got -3"),
            (json!({"type": "int64", "min": 0.5}), "min", "must be a whole number, as int64 values are, got 0.5"),
            (json!({"type": "uint64", "max": 9.75}), "max", "must be a whole number, as uint64 values are, got 9.75"),
        ] {
            assert_eq!(refusal(limit(members)), (format!("params.Limit.{key}"), rule.into()));
        }
    }

    #[test]
    fn an_allowed_value_of_the_type_outside_the_bounds_is_said_to_be_outside() {
        let base = json!({"type": "int64", "min": 1, "max": 100});
        let with = |more: Value| {
            let mut m = base.clone();
            for (k, v) in more.as_object().unwrap() {
                m[k] = v.clone();
            }
            limit(m)
        };
        accepted(with(json!({"allowed": [1, "50", 100], "default": 50})));
        assert_eq!(
            refusal(with(json!({"allowed": [0, 500]}))),
            ("params.Limit.allowed[0]".into(), "allowed[0] = 0 is below the minimum 1.".into())
        );
        assert_eq!(
            refusal(with(json!({"allowed": [5, 500]}))),
            ("params.Limit.allowed[1]".into(), "allowed[1] = 500 is above the maximum 100.".into())
        );
        assert_eq!(
            refusal(with(json!({"allowed": [5, "x"]}))),
            ("params.Limit.allowed[1]".into(), "\"x\" is not a valid Int64 value".into())
        );
        assert_eq!(
            refusal(with(json!({"allowed": [5, 10], "default": 7}))),
            ("params.Limit.default".into(), "default = '7' is not one of: 5, 10.".into())
        );
        assert_eq!(
            refusal(limit(json!({"type": "string", "max_length": 2, "allowed": ["ab", "abc"]}))),
            ("params.Limit.allowed[1]".into(), "allowed[1] has 3 characters; it may have at most 2.".into())
        );
    }

    fn rule(when: Value, require: &[&str]) -> Value {
        json!({ "rules": [{ "when": when, "require": require }] })
    }

    #[test]
    fn rules_name_fields_validation_can_reach() {
        accepted(rule(json!({"field": "Limit"}), &["Name", "Disk.Size"]));
        // An object without fields takes any member, so any path under it may be sent.
        accepted(rule(json!({"field": "Disk.Tags.Owner.Id"}), &["Disk.Tags.Team"]));
        // Rules compare 12 and "12" as one integer, for a string field too.
        for (field, equals) in
            [("Limit", json!("12")), ("Limit", json!(12.0)), ("Name", json!(12)), ("Disk.Size", json!(-3))]
        {
            accepted(rule(json!({"field": field, "equals": equals}), &["Name"]));
        }
        for (when, require, path, why) in [
            (json!({"field": "Limit"}), &["Nope"][..], "rules[0].require[0]", "'Nope' is not a parameter of this API"),
            (json!({"field": "Limit"}), &["Name", "Disk.Nope"], "rules[0].require[1]", "'Disk.Nope' names no parameter: Disk has no field 'Nope'"),
            (json!({"field": "Nope"}), &["Name"], "rules[0].when.field", "'Nope' is not a parameter of this API"),
            (
                json!({"field": "Filters.Name"}),
                &["Name"],
                "rules[0].when.field",
                "'Filters.Name' goes through the array Filters: a rule reaches fields through objects only, so it would never apply",
            ),
            (json!({"field": "Limit"}), &["Name.First"], "rules[0].require[0]", "'Name.First' goes into Name, a string, which has no fields"),
            (
                json!({"field": "Limit", "equals": "x"}),
                &["Name"],
                "rules[0].when.equals",
                "Limit can never be \"x\" in a valid call, so the rule never applies: when.equals must be an integer (int64, a JSON number or a decimal string), got 'x'.",
            ),
            (
                json!({"field": "Disk.Size", "equals": 2.5}),
                &["Name"],
                "rules[0].when.equals",
                "Disk.Size can never be 2.5 in a valid call, so the rule never applies: when.equals must be an integer (int64, a JSON number or a decimal string), got a fractional number.",
            ),
            (
                json!({"field": "Limit", "equals": 500}),
                &["Name"],
                "rules[0].when.equals",
                "Limit can never be 500 in a valid call, so the rule never applies: when.equals = 500 is above the maximum 100.",
            ),
        ] {
            assert_eq!(refusal(rule(when.clone(), require)), (path.into(), why.into()), "{when} {require:?}");
        }
        // A name with a dot in it is not a path a rule can take.
        let mut dotted = rule(json!({"field": "SystemDisk.Size"}), &["Name"]);
        dotted["params"] = json!([{"name": "SystemDisk.Size", "type": "int64"}, {"name": "Name", "type": "string"}]);
        assert_eq!(
            refusal(dotted),
            (
                "rules[0].when.field".into(),
                "'SystemDisk.Size' has a dot in its name, which a rule's path reads as a step into an object: no rule can name it".into()
            )
        );
    }

    #[test]
    fn the_paths_refused_in_rules_are_the_ones_validation_never_matches() {
        let codes = |spec: &ApiSpec, params: Value| -> Vec<String> {
            crate::validate::validate(spec, &params).into_iter().map(|v| format!("{} {}", v.path, v.code)).collect()
        };
        // Through an object the rule fires; through an array it never does.
        let through_object = patched(rule(json!({"field": "Disk.Size"}), &["Name"]));
        assert_eq!(codes(&through_object, json!({"Disk": {"Size": 5}})), ["Name MissingParameter"]);
        let through_array = patched(rule(json!({"field": "Filters.Name"}), &["Limit"]));
        assert!(codes(&through_array, json!({"Filters": [{"Name": "a"}]})).is_empty());
        // A required name the spec lacks makes the call impossible: missing, or unknown when given.
        let nope = patched(rule(json!({"field": "Limit"}), &["Nope"]));
        assert_eq!(codes(&nope, json!({"Limit": 5})), ["Nope MissingParameter"]);
        assert_eq!(codes(&nope, json!({"Limit": 5, "Nope": 1})), ["Nope UnknownParameter"]);
        // No valid int64 is "x": a call where the rule fires is refused for Limit itself.
        let never = patched(rule(json!({"field": "Limit", "equals": "x"}), &["Name"]));
        assert!(codes(&never, json!({"Limit": 5})).is_empty());
        assert!(codes(&never, json!({"Limit": "x"})).contains(&"Limit InvalidParameter".into()));
        let twelve = patched(rule(json!({"field": "Name", "equals": 12}), &["Limit"]));
        assert_eq!(codes(&twelve, json!({"Name": "12"})), ["Limit MissingParameter"]);
    }

    #[test]
    fn endpoints_are_hosts_of_the_style_vendor() {
        let alibaba = |endpoints: Value| json!({"style": "alibaba-rpc", "algorithms": ["ACS3-HMAC-SHA256"], "endpoints": endpoints});
        accepted(
            json!({"endpoints": {"default": "cvm.ap-guangzhou.tencentcloudapi.com", "regions": {"ap-beijing": "cvm.ap-beijing.tencentcloudapi.com"}, "pattern": "cvm.{region}.tencentcloudapi.com"}}),
        );
        accepted(
            json!({"style": "tencent-legacy", "algorithms": ["TC-HmacSHA1"], "endpoints": {"default": "cvm.api.qcloud.com", "path": "/v2/index.php"}}),
        );
        accepted(alibaba(
            json!({"default": "ecs.aliyuncs.com", "regions": {"ap-southeast-1": "ecs.ap-southeast-1.aliyuncs.com"}, "pattern": "ecs.{region}.aliyuncs.com"}),
        ));
        let tc3 = "tencent-api3 APIs are served from *.tencentcloudapi.com";
        let ali = "alibaba-rpc APIs are served from <product>[.<region>].aliyuncs.com (not an OSS bucket's)";
        for (patch, path, host, served) in [
            (json!({"endpoints": {"default": "evil.example.com"}}), "endpoints.default", "evil.example.com", tc3),
            (json!({"endpoints": {"default": "cvm.api.qcloud.com"}}), "endpoints.default", "cvm.api.qcloud.com", tc3),
            (
                json!({"endpoints": {"default": "cvm.tencentcloudapi.com", "regions": {"ap-beijing": "evil.example.com"}}}),
                "endpoints.regions.ap-beijing",
                "evil.example.com",
                tc3,
            ),
            (
                json!({"endpoints": {"default": "cvm.tencentcloudapi.com", "pattern": "{region}.evil.example.com"}}),
                "endpoints.pattern",
                "{region}.evil.example.com",
                tc3,
            ),
            (
                json!({"style": "tencent-legacy", "algorithms": ["TC-HmacSHA1"], "endpoints": {"default": "cvm.tencentcloudapi.com"}}),
                "endpoints.default",
                "cvm.tencentcloudapi.com",
                "tencent-legacy APIs are served from *.api.qcloud.com",
            ),
            (
                alibaba(json!({"default": "ecs.tencentcloudapi.com"})),
                "endpoints.default",
                "ecs.tencentcloudapi.com",
                ali,
            ),
            (
                alibaba(json!({"default": "bucket.oss-cn-hangzhou.aliyuncs.com"})),
                "endpoints.default",
                "bucket.oss-cn-hangzhou.aliyuncs.com",
                ali,
            ),
            (
                alibaba(json!({"default": "ecs.aliyuncs.com", "pattern": "{region}.ecs.aliyuncs.com"})),
                "endpoints.pattern",
                "{region}.ecs.aliyuncs.com",
                ali,
            ),
        ] {
            let why = format!("'{host}' is not an API host of the style's vendor: {served}");
            assert_eq!(refusal(patch.clone()), (path.into(), why), "{patch}");
        }
    }

    #[test]
    fn small_slips_are_named() {
        let param = |members: Value| {
            let mut p = json!({"name": "Name", "type": "string"});
            for (k, v) in members.as_object().unwrap() {
                p[k] = v.clone();
            }
            json!({ "params": [p] })
        };
        accepted(
            json!({"rate_limit": {"per_second": 1}, "errors": [{"code": "InternalError", "http_status": 500}, {"code": "A", "http_status": 100}, {"code": "B", "http_status": 599}]}),
        );
        accepted(param(json!({"format": {"prefix": "app-"}})));
        accepted(
            json!({"style": "alibaba-rpc", "algorithms": ["ACS3-HMAC-SHA256"], "endpoints": {"default": "ecs.aliyuncs.com"}, "params": [{"name": "Name", "type": "string", "location": "body"}]}),
        );
        // Real metadata has such pairs (ECS Tag key/Key, dnspod Subdomain/SubDomain): kept.
        accepted(json!({"params": [{"name": "Key", "type": "string"}, {"name": "key", "type": "string"}]}));
        for (patch, path, why) in [
            (
                param(json!({"location": "query"})),
                "params.Name.location",
                "only Alibaba RPC parameters have a location: a Tencent API's style decides where each goes",
            ),
            (param(json!({"format": {"prefix": ""}})), "params.Name.format.prefix", "must not be empty: every string starts with ''"),
            (
                json!({"rate_limit": {"per_second": 0}}),
                "rate_limit.per_second",
                "must be at least 1 (the simulator takes 0 as no limit at all); leave rate_limit out where none is documented",
            ),
            (json!({"errors": [{"code": "A"}, {"code": ""}]}), "errors[1].code", "must not be empty"),
            (json!({"errors": [{"code": "A", "http_status": 99}]}), "errors[0].http_status", "must be an HTTP status, 100 to 599, got 99"),
            (json!({"errors": [{"code": "A", "http_status": 600}]}), "errors[0].http_status", "must be an HTTP status, 100 to 599, got 600"),
        ] {
            assert_eq!(refusal(patch.clone()), (path.into(), why.into()), "{patch}");
        }
        let mut legacy = param(json!({"location": "body"}));
        legacy["style"] = json!("tencent-legacy");
        legacy["algorithms"] = json!(["TC-HmacSHA1"]);
        legacy["endpoints"] = json!({"default": "cvm.api.qcloud.com"});
        assert_eq!(refusal(legacy).0, "params.Name.location");
    }

    #[test]
    fn has_id_is_comparing_with_id() {
        let mut spec = crate::catalog::builtin_spec("ms/2018-04-08/CreateResourceInstances").unwrap().unwrap();
        for (product, version, action) in
            [("ms", "2018-04-08", "Create"), ("a/b", "c", "d"), ("a", "b/c", "d"), ("", "", "")]
        {
            (spec.product, spec.version, spec.action) = (product.into(), version.into(), action.into());
            for id in [
                "ms/2018-04-08/Create",
                "ms/2018-04-08/CreateX",
                "ms/2018-04-08/Creat",
                "ms/2018-04-08Create",
                "a/b/c/d",
                "a/b/c",
                "//",
                "/",
                "",
                "ms//Create",
            ] {
                assert_eq!(spec.has_id(id), spec.id() == id, "{product} {version} {action} vs {id}");
            }
        }
    }
}
