//! The catalog: the built-in specs of the four seed APIs, plus any the caller adds or imports.
//!
//! Built-in specs are the JSON files in `specs/`, compiled in and parsed on call (no global
//! state, so no `std`).

use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;

use serde::{Deserialize, Serialize};

use crate::build::{build, BuildOptions};
use crate::error::{Error, ErrorKind, Result};
use crate::http::HttpRequest;
use crate::id_index::IdIndex;
use crate::import::{ImportReport, Imported, Skipped};
use crate::prepare::{prepare_with_signer, prepare_with_spec, Call, PrepareOptions, Prepared};
use crate::sign::Signer;
use crate::spec::{ApiSpec, ApiStyle, Doc};
use crate::validate::{validate_call, Violation};
use crate::wire::Credentials;

/// The built-in spec files, by API id.
pub const BUILTIN: [(&str, &str); 4] = [
    ("ms/2018-04-08/CreateResourceInstances", include_str!("../specs/ms-2018-04-08-CreateResourceInstances.json")),
    ("postgres/2017-03-12/CreateResource", include_str!("../specs/postgres-2017-03-12-CreateResource.json")),
    ("hai/2023-08-12/RunInstances", include_str!("../specs/hai-2023-08-12-RunInstances.json")),
    ("bssopenapi/2017-12-14/CreateInstance", include_str!("../specs/bssopenapi-2017-12-14-CreateInstance.json")),
];

/// Parses one built-in spec by id.
pub fn builtin_spec(id: &str) -> Option<Result<ApiSpec>> {
    BUILTIN.iter().find(|(i, _)| *i == id).map(|(_, text)| ApiSpec::from_json(text))
}

/// Whether `hay` contains `term` (already lower case), ASCII case folded.
fn contains_ascii_folded(hay: &str, term: &str) -> bool {
    term.is_empty() || hay.as_bytes().windows(term.len()).any(|w| w.eq_ignore_ascii_case(term.as_bytes()))
}

/// A line of the catalog listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
pub struct ApiSummary {
    pub id: String,
    pub product: String,
    pub version: String,
    pub action: String,
    pub style: ApiStyle,
    #[serde(default, skip_serializing_if = "Doc::is_empty")]
    pub title: Doc,
    #[serde(default, skip_serializing_if = "core::ops::Not::not")]
    pub deprecated: bool,
}

impl ApiSummary {
    pub fn of(spec: &ApiSpec) -> Self {
        ApiSummary {
            id: spec.id(),
            product: spec.product.clone(),
            version: spec.version.clone(),
            action: spec.action.clone(),
            style: spec.style,
            title: spec.title.clone(),
            deprecated: spec.deprecated,
        }
    }
}

/// Specs by id, in the order they were added.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// Shared, so that a simulator answering the same APIs holds them without a copy.
    specs: Vec<Arc<ApiSpec>>,
    /// Each spec's place in `specs` by id: a product's metadata adds hundreds of APIs, all of
    /// tccli sixteen thousand, and a scan per addition made importing quadratic.
    index: IdIndex,
}

/// Two catalogs are equal when they hold the same specs in the same order, however their
/// indexes were laid out.
impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.specs == other.specs
    }
}

impl Eq for Catalog {}

impl Catalog {
    /// An empty catalog.
    pub fn new() -> Self {
        Catalog::default()
    }

    /// The four seed APIs. An error here is a broken built-in file (the tests load them all).
    pub fn builtin() -> Result<Self> {
        let mut c = Catalog::new();
        for (id, text) in BUILTIN {
            let spec = ApiSpec::from_json(text)
                .map_err(|e| Error { message: alloc::format!("built-in spec {id}: {}", e.message), ..e })?;
            c.add(spec)?;
        }
        Ok(c)
    }

    /// Adds a spec after checking it; a spec with the same id is replaced and returned.
    pub fn add(&mut self, spec: ApiSpec) -> Result<Option<ApiSpec>> {
        spec.check()?;
        match self.index.find(&self.specs, &spec.id()) {
            Some(at) => Ok(Some(Arc::unwrap_or_clone(core::mem::replace(&mut self.specs[at], Arc::new(spec))))),
            None => {
                self.specs.push(Arc::new(spec));
                self.index.push(&self.specs, self.specs.len() - 1);
                Ok(None)
            }
        }
    }

    /// Adds every spec; returns how many were added or replaced.
    pub fn extend(&mut self, specs: impl IntoIterator<Item = ApiSpec>) -> Result<usize> {
        let mut n = 0;
        for s in specs {
            self.add(s)?;
            n += 1;
        }
        Ok(n)
    }

    /// Adds what an importer produced; same-id specs are replaced, except the built-in seed
    /// APIs: those are written from the vendor's page (docs in both languages, error codes,
    /// rules and parameters the metadata lacks), and the simulator answers their examples.
    pub fn add_imported(&mut self, imported: Imported) -> Result<ImportReport> {
        let mut report = ImportReport {
            added: Vec::with_capacity(imported.specs.len()),
            skipped: imported.skipped,
            warnings: Vec::new(),
        };
        for spec in imported.specs {
            let id = spec.id();
            if matches!(builtin_spec(&id), Some(Ok(seed)) if self.get(&id) == Some(&seed)) {
                report.skipped.push(Skipped {
                    action: spec.action.clone(),
                    reason: "built in: the curated spec of this API is kept (its docs, error codes and rules go beyond the metadata)".into(),
                    reason_zh: "内置：保留该接口精心编写的规格（其文档、错误码和规则比元数据更全）".into(),
                });
                continue;
            }
            report.added.push(id);
            self.add(spec)?;
        }
        Ok(report)
    }

    /// Adds specs given as JSON: one `ApiSpec` (as `describe` returns it) or a list of them,
    /// hand-written or kept from an earlier import. Every spec is read and checked before any is
    /// added, so a bad one adds nothing; its error names it (`specs[1].methods[0]`). A built-in
    /// API keeps its curated spec, as with the importers.
    pub fn add_specs(&mut self, json: &str) -> Result<ImportReport> {
        // A list is welcome here: not typed_arg, which refuses one.
        let value: serde_json::Value = crate::json::typed(json)
            .map_err(|e| Error::at(ErrorKind::InvalidJson, "specs", alloc::string::ToString::to_string(&e)))?;
        let (items, many) = match value {
            serde_json::Value::Array(items) => (items, true),
            one @ serde_json::Value::Object(_) => (alloc::vec![one], false),
            _ => {
                return Err(Error::new(
                    ErrorKind::InvalidSpec,
                    "must be an API spec (as describe returns it) or a list of them",
                ))
            }
        };
        let mut specs = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let at = |path: Option<&str>| {
                let here = if many { alloc::format!("specs[{i}]") } else { String::from("spec") };
                match path {
                    Some(p) if !p.is_empty() => alloc::format!("{here}.{p}"),
                    _ => here,
                }
            };
            // Read from its own text, so that an error names the member at fault.
            let text = serde_json::to_string(&item).unwrap_or_default();
            let spec: ApiSpec = crate::json::typed_doc(&text, "").map_err(|e| Error {
                kind: ErrorKind::InvalidSpec,
                path: Some(at(e.path.as_deref())),
                ..e
            })?;
            spec.check().map_err(|e| Error { path: Some(at(e.path.as_deref())), ..e })?;
            specs.push(spec);
        }
        // Two of one id: the later would quietly replace the earlier. Sorted, not compared pair
        // by pair: a saved import of all of tccli is sixteen thousand specs.
        let mut ids: Vec<(String, usize)> = specs.iter().enumerate().map(|(i, s)| (s.id(), i)).collect();
        ids.sort_unstable();
        let twice = ids.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| (w[1].1, w[0].1, &w[0].0)).min();
        if let Some((later, first, id)) = twice {
            return Err(Error::at(
                ErrorKind::InvalidSpec,
                alloc::format!("specs[{later}].action"),
                alloc::format!("{id} is given twice: specs[{first}] is the same API"),
            ));
        }
        let warnings = specs.iter().flat_map(example_warnings).collect();
        let report = self.add_imported(Imported { specs, skipped: Vec::new() })?;
        Ok(ImportReport { warnings, ..report })
    }

    /// Imports a tccli `api.json` (and optionally its `examples.json`) into the catalog.
    pub fn import_tccli(&mut self, api_json: &str, examples_json: Option<&str>) -> Result<ImportReport> {
        self.add_imported(crate::import::tccli::import(api_json, examples_json)?)
    }

    /// Imports an Alibaba metadata bundle (see [`crate::import::alibaba::import_bundle`]).
    pub fn import_alibaba_meta(&mut self, bundle_json: &str) -> Result<ImportReport> {
        self.add_imported(crate::import::alibaba::import_bundle(bundle_json)?)
    }

    pub fn get(&self, id: &str) -> Option<&ApiSpec> {
        self.shared(id).map(|s| &**s)
    }

    /// Like [`get`](Self::get), as the shared spec (for a simulator to hold without a copy).
    pub fn shared(&self, id: &str) -> Option<&Arc<ApiSpec>> {
        self.index.find(&self.specs, id).map(|at| &self.specs[at])
    }

    /// Like [`get`](Self::get), but a missing id is an `UnknownApi` error at `api`.
    pub fn spec(&self, id: &str) -> Result<&ApiSpec> {
        self.get(id).ok_or_else(|| {
            // The same action under another product or version is the likely slip.
            let action = id.rsplit('/').next().unwrap_or(id);
            let mut near: Vec<String> =
                self.specs.iter().filter(|s| s.action.eq_ignore_ascii_case(action)).map(|s| s.id()).take(3).collect();
            if near.is_empty() {
                // Else a typo anywhere in the id (`RunInstance`, a transposed date).
                let typos: Vec<(usize, String)> = self
                    .specs
                    .iter()
                    .filter_map(|s| {
                        let known = s.id();
                        crate::validate::typo_distance(&known, id).map(|d| (d, known))
                    })
                    .collect();
                // The nearest first: distances are 1 or 2, so two passes order them.
                for d in 1..=2 {
                    near.extend(typos.iter().filter(|(at, _)| *at == d).map(|(_, known)| known.clone()));
                }
                near.truncate(3);
            }
            let (hint, hint_zh) = if near.is_empty() {
                (
                    String::from("list the APIs with catalog or search, or add it: import the product's metadata (tccli api.json, Alibaba API meta) or give its spec to addSpecs"),
                    String::from("可用 catalog 或 search 列出接口，或添加它：导入该产品的元数据（tccli 的 api.json、阿里云 API 元数据），或用 addSpecs 提供其规格。"),
                )
            } else {
                (alloc::format!("did you mean {}?", near.join(" or ")), alloc::format!("你要找的是 {} 吗？", near.join(" 或 ")))
            };
            let shown = crate::validate::show_str(id);
            Error::at(
                ErrorKind::UnknownApi,
                "api",
                alloc::format!("no API '{shown}' in the catalog (ids are product/version/action): {hint}"),
            )
            .zh(alloc::format!("目录中没有接口 '{shown}'（接口 ID 形如 产品/版本/接口名）：{hint_zh}"))
        })
    }

    pub fn len(&self) -> usize {
        self.specs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.specs.is_empty()
    }

    pub fn specs(&self) -> &[Arc<ApiSpec>] {
        &self.specs
    }

    pub fn list(&self) -> Vec<ApiSummary> {
        self.specs.iter().map(|s| ApiSummary::of(s)).collect()
    }

    /// Specs whose id, product, action, product name, vendor, title or description (English or
    /// Chinese) contain every whitespace-separated term, ignoring ASCII case.
    ///
    /// Only ASCII is folded (other letters must match exactly): Unicode case mapping would put
    /// its tables (about 10 KB) into the npm module for a search over English and Chinese text.
    pub fn search(&self, query: &str) -> Vec<ApiSummary> {
        let terms: Vec<String> = query.split_whitespace().map(str::to_ascii_lowercase).collect();
        self.specs
            .iter()
            .filter(|s| {
                // Field by field, nothing copied: a catalog of a whole vendor is searched at
                // each keystroke. (A term holds no whitespace, so it never spans two fields.)
                let id = s.id();
                let hay = [
                    id.as_str(),
                    s.style.vendor_names(),
                    &s.product_name.en,
                    &s.product_name.zh,
                    &s.title.en,
                    &s.title.zh,
                    &s.description.en,
                    &s.description.zh,
                ];
                terms.iter().all(|t| hay.iter().any(|field| contains_ascii_folded(field, t)))
            })
            .map(|s| ApiSummary::of(s))
            .collect()
    }

    /// Validates a call against its API.
    pub fn validate(&self, call: &Call) -> Result<Vec<Violation>> {
        Ok(validate_call(self.spec(&call.api)?, call))
    }

    /// Builds the unsigned request for a call. `options.region`/`endpoint` default to the call's.
    pub fn build(&self, call: &Call, options: &BuildOptions) -> Result<HttpRequest> {
        let spec = self.spec(&call.api)?;
        let mut options = options.clone();
        if options.region.is_none() {
            options.region = call.region.clone();
        }
        if options.endpoint.is_none() {
            options.endpoint = call.endpoint.clone();
        }
        build(spec, &call.params, &options)
    }

    /// Validates, builds and signs a call.
    pub fn prepare(&self, call: &Call, credentials: &Credentials, options: &PrepareOptions) -> Result<Prepared> {
        prepare_with_spec(self.spec(&call.api)?, call, credentials, options)
    }

    /// [`Catalog::prepare`] with a long-lived [`Signer`] (see [`prepare_with_signer`]).
    pub fn prepare_with(
        &self,
        call: &Call,
        credentials: &Credentials,
        options: &PrepareOptions,
        signer: &mut Signer,
    ) -> Result<Prepared> {
        prepare_with_signer(self.spec(&call.api)?, call, credentials, options, signer)
    }
}

/// Validates, builds and signs a call against the built-in catalog.
/// What an API's examples break of its own spec: one note for each such example, its first
/// problem named.
fn example_warnings(spec: &ApiSpec) -> Vec<Skipped> {
    let id = spec.id();
    spec.examples
        .iter()
        .enumerate()
        .filter_map(|(i, ex)| {
            let call = Call { api: id.clone(), params: ex.params.clone(), region: ex.region.clone(), endpoint: None };
            let v = crate::validate::validate_call(spec, &call).into_iter().next()?;
            Some(Skipped {
                action: id.clone(),
                reason: alloc::format!("example {i} breaks the spec: {}", v.message),
                reason_zh: alloc::format!("示例 {i} 不符合规格：{}", v.message_zh),
            })
        })
        .collect()
}

pub fn prepare(call: &Call, credentials: &Credentials, options: &PrepareOptions) -> Result<Prepared> {
    let id = call.api.as_str();
    match builtin_spec(id) {
        Some(spec) => prepare_with_spec(&spec?, call, credentials, options),
        None => Err(Error::at(
            ErrorKind::UnknownApi,
            "api",
            alloc::format!("no built-in API '{id}'; the built-in ones are {}", BUILTIN.map(|(i, _)| i).join(", ")),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    /// What a metadata importer would make of a seed API: the same id, thinner docs.
    fn thin_copy(id: &str) -> ApiSpec {
        let mut spec = builtin_spec(id).unwrap().unwrap();
        spec.params.truncate(1);
        // Its rules name parameters cut off.
        spec.rules.clear();
        spec
    }

    #[test]
    fn an_import_does_not_replace_a_seed_api() {
        let mut catalog = Catalog::builtin().unwrap();
        let id = "hai/2023-08-12/RunInstances";
        let report = catalog.add_imported(Imported { specs: alloc::vec![thin_copy(id)], skipped: Vec::new() }).unwrap();
        assert!(report.added.is_empty(), "{report:?}");
        assert_eq!(report.skipped.len(), 1);
        assert!(report.skipped[0].reason.starts_with("built in"), "{report:?}");
        assert_eq!(catalog.get(id), Some(&builtin_spec(id).unwrap().unwrap()));
    }

    #[test]
    fn an_unknown_id_says_where_to_look() {
        let catalog = Catalog::builtin().unwrap();
        let e = catalog.spec("hai/2022-01-01/RunInstances").unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::UnknownApi, Some("api")));
        assert!(e.message.ends_with("did you mean hai/2023-08-12/RunInstances?"), "{}", e.message);
        assert!(e.message_zh.as_deref().unwrap().ends_with("你要找的是 hai/2023-08-12/RunInstances 吗？"));
        // A typo elsewhere in the id: a letter short, a date's digits swapped.
        for typo in ["hai/2023-08-12/RunInstance", "hai/2023-08-21/RunInstances", "HAI/2023-08-12/runinstances"] {
            let e = catalog.spec(typo).unwrap_err();
            assert!(e.message.ends_with("did you mean hai/2023-08-12/RunInstances?"), "{typo}: {}", e.message);
        }
        let e = catalog.spec("hai/2023-08-12/RunInstan").unwrap_err();
        assert!(e.message.contains("catalog or search, or add it: import"), "{}", e.message);
        let e = catalog.spec("nope/1/Nope").unwrap_err();
        assert!(e.message.contains("or give its spec to addSpecs"), "{}", e.message);
        assert!(e.message_zh.as_deref().unwrap().contains("目录中没有接口 'nope/1/Nope'"));
    }

    #[test]
    fn an_import_replaces_an_earlier_import_of_the_same_api() {
        let id = "hai/2023-08-12/RunInstances";
        let mut catalog = Catalog::new();
        for _ in 0..2 {
            let report =
                catalog.add_imported(Imported { specs: alloc::vec![thin_copy(id)], skipped: Vec::new() }).unwrap();
            assert_eq!(report.added, alloc::vec![String::from(id)]);
        }
        assert_eq!(catalog.len(), 1);
    }

    #[test]
    fn specs_as_describe_gives_them_are_added_back_as_they_were() {
        let hai = builtin_spec("hai/2023-08-12/RunInstances").unwrap().unwrap();
        let mut copy = hai.clone();
        copy.product = "haicopy".into();
        let mut catalog = Catalog::builtin().unwrap();
        // One, or a list; a seed API keeps its curated spec.
        let list =
            serde_json::to_string(&alloc::vec![&copy, &thin_copy("ms/2018-04-08/CreateResourceInstances")]).unwrap();
        let report = catalog.add_specs(&list).unwrap();
        assert_eq!(report.added, ["haicopy/2023-08-12/RunInstances"]);
        assert_eq!(report.skipped.iter().map(|s| s.action.as_str()).collect::<Vec<_>>(), ["CreateResourceInstances"]);
        assert_eq!(catalog.get("haicopy/2023-08-12/RunInstances"), Some(&copy));
        copy.action = "RunOne".into();
        assert_eq!(
            catalog.add_specs(&serde_json::to_string(&copy).unwrap()).unwrap().added,
            ["haicopy/2023-08-12/RunOne"]
        );
    }

    #[test]
    fn a_shape_error_deep_in_a_spec_names_the_member_at_fault() {
        let base = serde_json::to_value(builtin_spec("hai/2023-08-12/RunInstances").unwrap().unwrap()).unwrap();
        let list = |fields: serde_json::Value| serde_json::json!({"name": "L", "type": "array", "items": {"type": "object", "fields": fields}});
        for (param, path, message) in [
            (
                list(serde_json::json!([{"name": "A", "type": "string"}, {"name": "X", "type": "integer"}])),
                "spec.params[1].items.fields[1].type",
                "'integer' is not one of `string`, `int64`, `uint64`, `float`, `bool`, `object`, `array`",
            ),
            (list(serde_json::json!([{"name": "X"}])), "spec.params[1].items.fields[0]", "missing field `type`"),
            (
                list(serde_json::json!([{"name": "X", "type": "string", "requried": true}])),
                "spec.params[1].items.fields[0].requried",
                "is not a known field: expected one of `name`, `type`, `required`, `default`, `allowed`, `min`, `max`, `multiple_of`, `min_length`, `max_length`, `min_items`, `max_items`, `format`, `value_code`, `items`, `fields`, `ref`, `location`, `deprecated`, `doc`, `example`",
            ),
            (
                serde_json::json!({"name": "L", "type": "string", "format": {"prefix": 5}}),
                "spec.params[1].format.prefix",
                "invalid type: the number `5`, expected a string",
            ),
            // A text given in one language, as one would first write it: the message shows the form.
            (
                serde_json::json!({"name": "L", "type": "string", "doc": "size"}),
                "spec.params[1].doc",
                "invalid type: string \"size\", expected a text in English and Chinese, {\"en\": \"…\", \"zh\": \"…\"}",
            ),
        ] {
            let mut spec = base.clone();
            spec["params"][1] = param;
            let e = Catalog::new().add_specs(&spec.to_string()).unwrap_err();
            assert_eq!((e.kind, e.path.as_deref(), e.message.as_str()), (ErrorKind::InvalidSpec, Some(path), message));
            // In a list, after the spec's own place.
            let e = Catalog::new().add_specs(&serde_json::json!([base, spec]).to_string()).unwrap_err();
            assert_eq!(e.path.unwrap(), path.replacen("spec", "specs[1]", 1));
        }
        // Names with the characters a JSON pointer escapes.
        let mut spec = base.clone();
        spec["structs"] = serde_json::json!({"A/B~C": [{"name": "X", "type": "text"}]});
        let e = Catalog::new().add_specs(&spec.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("spec.structs.A/B~C[0].type"), "{}", e.message);
        let mut spec = base;
        spec["methods"] = "POST".into();
        let e = Catalog::new().add_specs(&spec.to_string()).unwrap_err();
        assert_eq!(e.path.as_deref(), Some("spec.methods"), "{}", e.message);
    }

    #[test]
    fn a_bad_spec_is_named_and_adds_nothing() {
        let mut good = builtin_spec("hai/2023-08-12/RunInstances").unwrap().unwrap();
        good.product = "first".into();
        let mut catalog = Catalog::new();
        let mut bad = serde_json::to_value(&good).unwrap();
        bad["product"] = "second".into();
        bad["methods"] = serde_json::json!(["PUT"]);
        let e = catalog.add_specs(&serde_json::json!([good, bad]).to_string()).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidSpec, Some("specs[1].methods[0]")), "{}", e.message);
        assert!(catalog.is_empty(), "the good one is not added either");
        let e = catalog.add_specs(r#"{"product":"x","version":"1","action":"A","style":"rpc"}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::InvalidSpec);
        assert!(e.path.as_deref().is_some_and(|p| p.starts_with("spec")), "{e:?}");
        assert_eq!(catalog.add_specs("5").unwrap_err().kind, ErrorKind::InvalidSpec);
        assert_eq!(catalog.add_specs("{").unwrap_err().kind, ErrorKind::InvalidJson);
        // An example that breaks its own spec is added, and said (a vendor's do at times).
        let mut odd = serde_json::to_value(&good).unwrap();
        odd["examples"][0]["params"]["BundleType"] = 5.into();
        let report = catalog.add_specs(&odd.to_string()).unwrap();
        assert_eq!(report.added, ["first/2023-08-12/RunInstances"]);
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(
            report.warnings[0].reason.starts_with("example 0 breaks the spec: BundleType"),
            "{:?}",
            report.warnings
        );
        assert!(report.warnings[0].reason_zh.starts_with("示例 0 不符合规格："));
        let mut catalog = Catalog::new();
        // One API twice in one list: the later would have replaced the earlier.
        let e = catalog.add_specs(&serde_json::json!([good, good]).to_string()).unwrap_err();
        assert_eq!((e.kind, e.path.as_deref()), (ErrorKind::InvalidSpec, Some("specs[1].action")));
        assert!(
            e.message.ends_with("first/2023-08-12/RunInstances is given twice: specs[0] is the same API"),
            "{}",
            e.message
        );
        assert!(catalog.is_empty());
    }
}
