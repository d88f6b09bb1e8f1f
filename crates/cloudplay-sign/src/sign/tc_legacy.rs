//! TC-HmacSHA1 / TC-HmacSHA256 (Tencent Cloud API 2.0, and API 3.0's v1 signature).

use alloc::string::String;
use alloc::vec::Vec;

use super::{Algorithm, NameOrder, SigningTrace, StringToSign};
use crate::crypto::{base64, hmac_sha1, hmac_sha256};
use crate::error::Result;
use crate::wire::{Text, WireInput};

pub fn sign(input: &WireInput) -> Result<SigningTrace> {
    sign_with(input, Names::Dotted)
}

/// How parameter names are written in the string to sign.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Names {
    /// Every `_` as `.`, as both Python SDKs write them (the default).
    Dotted,
    /// As sent: tencentcloud-sdk-nodejs leaves `_` alone (its replacement is commented out).
    AsSent,
}

pub fn sign_with(input: &WireInput, names: Names) -> Result<SigningTrace> {
    let query = sorted_query(&input.params, names);
    let string_to_sign =
        StringToSign::TcLegacy { method: &input.method, host: &input.host, path: &input.path, query: &query }.text();
    let key = input.credentials.secret_key.as_bytes();
    let signature = match input.algorithm {
        Algorithm::TcHmacSha256 => base64(&hmac_sha256(key, string_to_sign.as_bytes())),
        _ => base64(&hmac_sha1(key, string_to_sign.as_bytes())),
    };
    Ok(SigningTrace::of_params(input.algorithm, string_to_sign, signature))
}

/// `k=v&…` sorted by name (code point order), values raw. Both Python SDKs (qcloudapi
/// `Sign.make`, tencentcloud-sdk-python `_format_sign_string`) first write every `_` in a name
/// as `.`, then sort: so `A_b` sorts as `A.b`, before `AZ`. Two names that become the same
/// (`A_b` and `A.b`) are one entry of the SDK's dict, holding the value of the later one.
/// A `Signature` pair, if present, is the signature itself and is left out.
fn sorted_query(params: &[(Text<'_>, Text<'_>)], names: Names) -> String {
    let name = |n: &str| if names == Names::Dotted { n.replace('_', ".") } else { String::from(n) };
    let dotted: Vec<(String, &str)> =
        params.iter().filter(|(n, _)| n != "Signature").map(|(n, v)| (name(n), v.as_ref())).collect();
    let mut sorted: Vec<(&[u8], &[u8])> = dotted.iter().map(|(n, v)| (n.as_bytes(), v.as_bytes())).collect();
    // Stable: among names that met, the later one stays last, and is the one kept.
    NameOrder::CodePoint.sort(&mut sorted, false);
    let mut out = String::new();
    for (i, &(name, value)) in sorted.iter().enumerate() {
        if sorted.get(i + 1).is_some_and(|next| next.0 == name) {
            continue;
        }
        if !out.is_empty() {
            out.push('&');
        }
        // Both were UTF-8 text before sorting.
        out.push_str(core::str::from_utf8(name).unwrap_or_default());
        out.push('=');
        out.push_str(core::str::from_utf8(value).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs<'a>(list: &[(&'a str, &'a str)]) -> Vec<(Text<'a>, Text<'a>)> {
        list.iter().map(|(n, v)| ((*n).into(), (*v).into())).collect()
    }

    #[test]
    fn underscores_become_dots_before_sorting() {
        // '.' (0x2E) sorts before 'Z' (0x5A), '_' (0x5F) after it.
        assert_eq!(sorted_query(&pairs(&[("AZ", "1"), ("A_b", "2"), ("_x", "3")]), Names::Dotted), ".x=3&A.b=2&AZ=1");
        // tencentcloud-sdk-nodejs's reading: the names as sent, '_' sorting after 'Z'.
        assert_eq!(sorted_query(&pairs(&[("AZ", "1"), ("A_b", "2"), ("_x", "3")]), Names::AsSent), "AZ=1&A_b=2&_x=3");
    }

    #[test]
    fn names_that_meet_after_substitution_keep_the_later_value() {
        assert_eq!(sorted_query(&pairs(&[("A_b", "under"), ("A.b", "dot"), ("B", "")]), Names::Dotted), "A.b=dot&B=");
        assert_eq!(sorted_query(&pairs(&[("A.b", "dot"), ("A_b", "under")]), Names::Dotted), "A.b=under");
    }
}
