//! ms CreateResourceInstances: allow-listed accounts create hardening resources of a known Pid,
//! within a per-account quota; ids are `{prefix}_{YYYYMMDD}_{8 hex}_{n}` as on the seed page.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use cloudplay_core::time::UtcDateTime;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::{fail, int, resource, Answer, Ctx};
use crate::accounts::Profile;

#[derive(Debug, Clone, Deserialize)]
pub struct Data {
    pub products: Vec<Product>,
    pub quota_per_account: u64,
    pub max_per_request: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Product {
    pub pid: u64,
    pub prefix: String,
    pub name: String,
}

fn pids(d: &Data) -> String {
    d.products.iter().map(|p| format!("{}", p.pid)).collect::<Vec<_>>().join("、")
}

pub fn run(d: &Data, mut ctx: Ctx<'_>) -> Answer {
    if ctx.account.profile == Profile::NotAllowListed {
        return Err(fail(
            "UnauthorizedOperation.NotWhiteUser",
            "This account is not on the allow-list of CreateResourceInstances.",
        )
        .zh("此账号不在 CreateResourceInstances 的白名单中。"));
    }
    let pid = int(ctx.params, "Pid").unwrap_or(0);
    let Some(product) = d.products.iter().find(|p| i128::from(p.pid) == pid) else {
        let known: Vec<String> = d.products.iter().map(|p| format!("{} ({})", p.pid, p.name)).collect();
        return Err(fail(
            "ResourceUnavailable.NotFound",
            format!("No resource type has Pid {pid}; known types: {}.", known.join(", ")),
        )
        .zh(format!("没有 Pid 为 {pid} 的资源类型；可用的 Pid：{}。", pids(d))));
    };
    let n = int(ctx.params, "ResourceNum").unwrap_or(0).max(0);
    let usage_key = format!("{}|ms", ctx.account.credentials.secret_id);
    let used = ctx.state.usage(&usage_key);
    let left = d.quota_per_account.saturating_sub(used);
    if n > i128::from(d.max_per_request) || n > i128::from(left) {
        return Err(fail(
            "LimitExceeded",
            format!(
                "ResourceNum {n} exceeds the quota: at most {} per request, and this account has {left} of {} left.",
                d.max_per_request, d.quota_per_account
            ),
        )
        .zh(format!(
            "ResourceNum {n} 超出配额：每次请求最多 {} 个，此账号的 {} 个配额还剩 {left} 个。",
            d.max_per_request, d.quota_per_account
        )));
    }
    let date = UtcDateTime::from_unix(ctx.now).map(|t| t.date().replace('-', "")).unwrap_or_default();
    let group = ctx.rng.hex(8);
    let mut ids = Vec::new();
    for i in 0..n {
        let id = format!("{}_{date}_{group}_{i}", product.prefix);
        resource(&mut ctx, id.clone());
        ids.push(Value::String(id));
    }
    ctx.state.add_usage(&usage_key, n as u64);
    let mut out = Map::new();
    out.insert("ResourceSet".into(), Value::Array(ids));
    Ok(out)
}
