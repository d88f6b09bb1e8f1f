//! hai RunInstances: an application from the catalogue, a bundle in stock, a system disk no
//! smaller than the application needs, an existing VPC and subnet; accounts must be authorised
//! and not in arrears. DryRun checks everything and creates nothing; a repeated ClientToken
//! answers the instances of its first success.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{fail, int, remember, repeated, resource, text, Answer, Ctx};
use crate::accounts::Profile;

#[derive(Debug, Clone, Deserialize)]
pub struct Data {
    pub applications: Vec<Application>,
    pub bundles: Vec<Bundle>,
    pub vpcs: Vec<Vpc>,
    pub default_disk_gb: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Application {
    pub id: String,
    pub name: String,
    pub min_disk_gb: i64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Bundle {
    #[serde(rename = "type")]
    pub ty: String,
    pub stock: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Vpc {
    pub id: String,
    pub subnets: Vec<String>,
}

/// `app-` and 1 to 32 lowercase letters or digits.
fn well_formed(app: &str) -> bool {
    app.strip_prefix("app-").is_some_and(|rest| {
        (1..=32).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

pub fn run(d: &Data, mut ctx: Ctx<'_>) -> Answer {
    let dry_run = ctx.params.get("DryRun").and_then(Value::as_bool).unwrap_or(false);
    if !dry_run {
        if let Some(earlier) = repeated(&ctx) {
            return Ok(earlier);
        }
    }
    let app_id = text(ctx.params, "ApplicationId").unwrap_or("");
    if !well_formed(app_id) {
        return Err(fail(
            "InvalidParameterValue.InvalidApplicationIdMalformed",
            format!(
                "ApplicationId '{app_id}' is not well formed: app- followed by 1 to 32 lowercase letters or digits."
            ),
        )
        .zh(format!("ApplicationId '{app_id}' 格式不对：应为 app- 后跟 1 到 32 个小写字母或数字。")));
    }
    let Some(app) = d.applications.iter().find(|a| a.id == app_id) else {
        return Err(fail(
            "InvalidParameterValue.ApplicationIdNotFound",
            format!("No application has the id {app_id}."),
        )
        .zh(format!("没有 ID 为 {app_id} 的应用。")));
    };
    let bundle_type = text(ctx.params, "BundleType").unwrap_or("");
    let Some(bundle) = d.bundles.iter().find(|b| b.ty == bundle_type) else {
        let known: Vec<&str> = d.bundles.iter().map(|b| b.ty.as_str()).collect();
        return Err(fail(
            "InvalidParameterValue.BundleTypeNotFound",
            format!("No bundle type '{bundle_type}'; the types are {}.", known.join(", ")),
        )
        .zh(format!("没有套餐类型 '{bundle_type}'；可用的类型：{}。", known.join("、"))));
    };
    let disk = ctx.params.get("SystemDisk").map_or(Some(i128::from(d.default_disk_gb.max(app.min_disk_gb))), |sd| {
        int(sd, "DiskSize").or(Some(i128::from(d.default_disk_gb.max(app.min_disk_gb))))
    });
    if let Some(size) = disk.filter(|s| *s < i128::from(app.min_disk_gb)) {
        return Err(fail(
            "InvalidParameterValue.DiskSizeMustLargerThanApplicationMinRequiredSize",
            format!(
                "SystemDisk.DiskSize {size} GB is below the {} GB that {} ({}) needs.",
                app.min_disk_gb, app.id, app.name
            ),
        )
        .zh(format!("SystemDisk.DiskSize {size} GB 小于应用 {} 所需的 {} GB。", app.id, app.min_disk_gb)));
    }
    let name = text(ctx.params, "InstanceName").unwrap_or("");
    if name.chars().count() > 128 {
        return Err(fail("InvalidParameterValue.InstanceNameTooLong", "InstanceName is longer than 128 characters.")
            .zh("InstanceName 超过 128 个字符。"));
    }
    let count = int(ctx.params, "InstanceCount").unwrap_or(1);
    if !(1..=10).contains(&count) {
        return Err(fail(
            "InvalidParameterValue.InvalidInstanceCount",
            format!("InstanceCount {count} is not between 1 and 10."),
        )
        .zh(format!("InstanceCount {count} 不在 1 到 10 之间。")));
    }
    check_network(d, &ctx)?;
    match ctx.account.profile {
        Profile::NotAllowListed => {
            return Err(fail("UnauthorizedOperation.UnauthorizedUser", "This account is not authorised to use HAI.")
                .zh("此账号未获授权使用 HAI。"));
        }
        Profile::Arrears => {
            return Err(fail(
                "FailedOperation.ArrearsAccountCannotRunInstances",
                "This account is in arrears and cannot create instances.",
            )
            .zh("此账号已欠费，不能创建实例。"));
        }
        _ => {}
    }
    let sold = ctx.state.usage(&format!("hai-bundle|{}", bundle.ty));
    if sold.saturating_add(count as u64) > bundle.stock {
        return Err(fail(
            "ResourceInsufficient.BundleInventoryShortage",
            format!("Bundle {} is out of stock.", bundle.ty),
        )
        .zh(format!("套餐 {} 已售罄。", bundle.ty)));
    }
    let mut out = Map::new();
    if dry_run {
        out.insert("InstanceIdSet".into(), Value::Array(Vec::new()));
        return Ok(out);
    }
    let mut ids = Vec::new();
    for _ in 0..count {
        let id = format!("hai-{}", ctx.rng.lower_alnum(8));
        resource(&mut ctx, id.clone());
        ids.push(Value::String(id));
    }
    ctx.state.add_usage(&format!("hai-bundle|{}", bundle.ty), count as u64);
    out.insert("InstanceIdSet".into(), Value::Array(ids));
    remember(&mut ctx, &out);
    Ok(out)
}

fn check_network(d: &Data, ctx: &Ctx<'_>) -> Result<(), super::Fail> {
    let vpc = text(ctx.params, "VpcId");
    let subnet = text(ctx.params, "SubnetId");
    if subnet.is_some() && vpc.is_none() {
        return Err(fail("InvalidParameterValue.SubnetMustCoexistWithVpc", "SubnetId needs VpcId alongside it.")
            .zh("指定 SubnetId 时必须同时指定 VpcId。"));
    }
    let Some(vpc_id) = vpc else { return Ok(()) };
    let Some(found) = d.vpcs.iter().find(|v| v.id == vpc_id) else {
        return Err(fail("InvalidParameterValue.VpcNotFound", format!("No VPC has the id {vpc_id}."))
            .zh(format!("没有 ID 为 {vpc_id} 的私有网络（VPC）。")));
    };
    if let Some(s) = subnet {
        if !found.subnets.iter().any(|x| x == s) {
            return Err(fail("InvalidParameterValue.SubnetNotFound", format!("No subnet {s} in VPC {vpc_id}."))
                .zh(format!("私有网络 {vpc_id} 中没有子网 {s}。")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn application_ids_are_checked_for_form() {
        assert!(super::well_formed("app-jknfna"));
        for bad in ["app-", "app-UPPER", "ap-x", "app-a_b", "app-123456789012345678901234567890123"] {
            assert!(!super::well_formed(bad), "{bad}");
        }
    }
}
