//! BSS CreateInstance: the order pre-check (owner, account standing, orderable product), then an
//! OrderId and an InstanceId. A repeated ClientToken answers the order of its first success.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use cloudplay_core::time::UtcDateTime;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use super::{fail, remember, repeated, text, Answer, Ctx};
use crate::accounts::Profile;

#[derive(Debug, Clone, Deserialize)]
pub struct Data {
    pub products: Vec<Product>,
    pub refused: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Product {
    pub code: String,
    pub instance_prefix: String,
}

pub fn run(d: &Data, mut ctx: Ctx<'_>) -> Answer {
    if let Some(earlier) = repeated(&ctx) {
        return Ok(earlier);
    }
    if let Some(owner) = ctx.wire.param("OwnerId").filter(|o| !o.is_empty()) {
        if owner != ctx.account.owner_id {
            return Err(fail("InvalidOwner", format!("OwnerId {owner} is not the owner of this AccessKeyId.")));
        }
    }
    match ctx.account.profile {
        Profile::IncompleteInformation => {
            return Err(fail(
                "ORDER.ACCOUNT_INFORMATION_INCOMPLETE",
                "The account information is incomplete; complete it before placing orders.",
            ));
        }
        Profile::Arrears => {
            return Err(fail(
                "INSUFFICIENT.AVAILABLE.QUOTA",
                "The account balance is below zero; top it up before placing orders.",
            ));
        }
        _ => {}
    }
    let code = text(ctx.params, "ProductCode").unwrap_or("");
    if d.refused.iter().any(|r| r.eq_ignore_ascii_case(code)) {
        return Err(fail(
            "400",
            format!("Order pre-check failed: {code} instances cannot be created through CreateInstance."),
        ));
    }
    let Some(product) = d.products.iter().find(|p| p.code.eq_ignore_ascii_case(code)) else {
        let known: Vec<&str> = d.products.iter().map(|p| p.code.as_str()).collect();
        return Err(fail(
            "400",
            format!("Order pre-check failed: no orderable product '{code}'; orderable here: {}.", known.join(", ")),
        ));
    };
    let year = UtcDateTime::from_unix(ctx.now).map(|t| t.date()[..4].to_string()).unwrap_or_default();
    let order_id = format!("{year}{}", ctx.rng.digits(11));
    let instance_id = format!("{}-cn-{}", product.instance_prefix, ctx.rng.lower_alnum(10));
    super::resource(&mut ctx, instance_id.clone());
    let mut out = Map::new();
    out.insert("Code".into(), "Success".into());
    out.insert("Message".into(), "Successful!".into());
    out.insert("Success".into(), Value::Bool(true));
    out.insert("Data".into(), json!({ "OrderId": order_id, "InstanceId": instance_id }));
    remember(&mut ctx, &out);
    Ok(out)
}
