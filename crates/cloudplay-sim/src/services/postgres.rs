//! postgres CreateResource (API 2.0): checks the version, region and zone, spec code, engine
//! version and counts against its table, then answers a TaskId and `postgres-xxxxxxxx` ids.
//! Values the service cannot take are ParamsAssertError, as its page names them.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

use super::{fail, int, resource, text, Answer, Ctx};

#[derive(Debug, Clone, Deserialize)]
pub struct Data {
    pub version: String,
    /// Region id → its zone ids, in id order. Read through serde_json's own map, which the npm
    /// module has anyway, rather than a BTreeMap<String, Vec<i64>> bringing its own B-tree code.
    #[serde(deserialize_with = "zones_by_region")]
    pub regions: Vec<(String, Vec<i64>)>,
    pub spec_codes: Vec<String>,
    pub db_versions: Vec<String>,
    pub max_number: i64,
    pub max_storage_gb: i64,
}

fn zones_by_region<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, Vec<i64>)>, D::Error> {
    Map::<String, Value>::deserialize(d)?
        .into_iter()
        .map(|(region, zones)| {
            let zones = zones.as_array().and_then(|zs| zs.iter().map(Value::as_i64).collect::<Option<Vec<i64>>>());
            zones.map(|zs| (region, zs)).ok_or_else(|| D::Error::custom("a region's zones must be a list of integers"))
        })
        .collect()
}

const ASSERT: &str = "ParamsAssertError";

pub fn run(d: &Data, mut ctx: Ctx<'_>) -> Answer {
    match ctx.wire.param("Version") {
        None | Some("") => {
            return Err(fail(ASSERT, format!("Version is required; this interface is version {}.", d.version))
                .zh(format!("缺少 Version；此接口的版本是 {}。", d.version)))
        }
        Some(v) if v != d.version => {
            return Err(fail(
                "Wrapper.InterfaceNameNotFound",
                format!("No interface CreateResource of version {v}; the version is {}.", d.version),
            )
            .zh(format!("没有版本为 {v} 的 CreateResource 接口；其版本是 {}。", d.version)))
        }
        Some(_) => {}
    }
    let region = int(ctx.params, "RegionId").unwrap_or(0);
    let zone = int(ctx.params, "ZoneId").unwrap_or(0);
    let id = format!("{region}");
    let Some((_, zones)) = d.regions.iter().find(|(r, _)| *r == id) else {
        let known: Vec<&str> = d.regions.iter().map(|(r, _)| r.as_str()).collect();
        return Err(fail(ASSERT, format!("RegionId {region} is not a region id; known: {}.", known.join(", ")))
            .zh(format!("RegionId {region} 不是地域 ID；可用的地域 ID：{}。", known.join("、"))));
    };
    if !zones.iter().any(|z| i128::from(*z) == zone) {
        // Written out as `{:?}` would (`[100001, 100002]`) without the Debug machinery.
        let zones: Vec<String> = zones.iter().map(|z| format!("{z}")).collect();
        let list = zones.join(", ");
        return Err(fail(ASSERT, format!("ZoneId {zone} is not a zone of region {region}; its zones: [{list}]."))
            .zh(format!("ZoneId {zone} 不是地域 {region} 的可用区；它的可用区：{}。", zones.join("、"))));
    }
    let spec = text(ctx.params, "SpecCode").unwrap_or("");
    if !d.spec_codes.iter().any(|s| s == spec) {
        return Err(fail(
            ASSERT,
            format!("SpecCode '{spec}' is not a specification code; known: {}.", d.spec_codes.join(", ")),
        )
        .zh(format!("SpecCode '{spec}' 不是有效的规格码；可用的规格码：{}。", d.spec_codes.join("、"))));
    }
    let engine = text(ctx.params, "DBVersion").unwrap_or("");
    if !d.db_versions.iter().any(|v| v == engine) {
        return Err(fail(
            ASSERT,
            format!("DBVersion '{engine}' is not offered; offered: {}.", d.db_versions.join(", ")),
        )
        .zh(format!("不提供 DBVersion '{engine}'；支持的版本：{}。", d.db_versions.join("、"))));
    }
    let storage = int(ctx.params, "Storage").unwrap_or(0);
    if storage > i128::from(d.max_storage_gb) {
        return Err(fail(ASSERT, format!("Storage {storage} GB is above the largest, {} GB.", d.max_storage_gb))
            .zh(format!("Storage {storage} GB 超过上限 {} GB。", d.max_storage_gb)));
    }
    let number = int(ctx.params, "Number").unwrap_or(0);
    if number > i128::from(d.max_number) {
        return Err(fail(ASSERT, format!("Number {number} is above the most one request creates, {}.", d.max_number))
            .zh(format!("Number {number} 超过单次请求可创建的上限 {}。", d.max_number)));
    }
    let task = 100_000 + ctx.rng.below(900_000);
    let mut ids = Vec::new();
    for _ in 0..number.max(0) {
        let id = format!("postgres-{}", ctx.rng.lower_alnum(8));
        resource(&mut ctx, id.clone());
        ids.push(Value::String(id));
    }
    let mut out = Map::new();
    out.insert("TaskId".into(), Value::from(task));
    out.insert("ResourceIdList".into(), Value::Array(ids));
    Ok(out)
}
