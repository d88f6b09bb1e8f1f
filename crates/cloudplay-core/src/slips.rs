//! Slips a hand-written signer commonly makes, recognised in a signature that does not match.
//!
//! When the string to sign is right and the signature still differs, the server alone cannot
//! tell a wrong secret from a right secret used the wrong way. Some wrong ways leave a trace:
//! the presented signature is exactly what the slip produces from the server's own string to
//! sign, or the request itself shows it (a signed body hash that is not the body's). Each check
//! here recomputes one such variant, so a match names the slip for certain instead of blaming
//! the key. None of the texts may hold a `:` — aliyun-python-sdk-core reads
//! the server's string to sign from after the first colon of an Alibaba message.

use crate::crypto::{base64, ct_eq, hex, hmac_sha1, hmac_sha256, sha256_hex};
use crate::time::UtcDateTime;
use crate::wire::find_header;

use crate::sign::{Algorithm, SigningTrace};
use crate::wire::WireInput;

/// A recognised slip, in English and in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub en: &'static str,
    pub zh: &'static str,
}

/// The slip that turns the server's `trace` of `input` into `presented`, if one does.
pub fn recognise(input: &WireInput, trace: &SigningTrace, presented: &str) -> Option<Slip> {
    let expected = trace.signature.as_str();
    let sts = trace.string_to_sign.as_bytes();
    let secret = input.credentials.secret_key.as_bytes();
    let slip = |en, zh| Some(Slip { en, zh });
    match input.algorithm {
        Algorithm::AcsRpcHmacSha1 | Algorithm::TcHmacSha1 | Algorithm::TcHmacSha256 => {
            if presented.contains(' ') && same(&presented.replace(' ', "+"), expected) {
                return slip(
                    "The Signature value was sent without URL encoding, so each + in it arrived as a space (read as + it matches).",
                    "Signature 的值发送时未做 URL 编码，其中的 + 到达时成了空格（按 + 读取则一致）。",
                );
            }
            let sha1 = || base64(&hmac_sha1(secret, sts));
            match input.algorithm {
                Algorithm::AcsRpcHmacSha1 if same(presented, &sha1()) => slip(
                    "It was signed with the AccessKey secret alone, and RPC signs with the secret followed by &.",
                    "签名所用的密钥是 AccessKey Secret 本身，而 RPC 签名的密钥是 Secret 后接 &。",
                ),
                Algorithm::AcsRpcHmacSha1 if same(presented, &base64(&hmac_sha256(&with_ampersand(secret), sts))) => slip(
                    "The signature is HMAC-SHA256, and SignatureMethod HMAC-SHA1 signs with HMAC-SHA1.",
                    "签名是用 HMAC-SHA256 计算的，而 SignatureMethod HMAC-SHA1 要求用 HMAC-SHA1。",
                ),
                Algorithm::TcHmacSha256 if same(presented, &sha1()) => slip(
                    "The signature is HmacSHA1, but SignatureMethod says HmacSHA256.",
                    "签名是用 HmacSHA1 计算的，但 SignatureMethod 声明的是 HmacSHA256。",
                ),
                Algorithm::TcHmacSha1 if same(presented, &base64(&hmac_sha256(secret, sts))) => slip(
                    "The signature is HmacSHA256, but SignatureMethod says HmacSHA1 (or is absent, and HmacSHA1 is the default).",
                    "签名是用 HmacSHA256 计算的，但 SignatureMethod 声明的是 HmacSHA1（或未给出，默认即 HmacSHA1）。",
                ),
                _ => None,
            }
        }
        Algorithm::Tc3HmacSha256 | Algorithm::Acs3HmacSha256 => {
            // The body's hash travels in a header the signature covers: one that is not the
            // hash of the body received says the body sent is not the one signed.
            let hash_header = if input.algorithm == Algorithm::Acs3HmacSha256 {
                "x-acs-content-sha256"
            } else {
                "x-tc-content-sha256"
            };
            if let Some(said) = find_header(&input.headers, hash_header).map(str::trim) {
                if said != "UNSIGNED-PAYLOAD" && !said.eq_ignore_ascii_case(&sha256_hex(input.body.as_bytes())) {
                    return slip(
                        "The body's hash header is not the SHA-256 of the body received, so the body sent is not the one that was hashed and signed.",
                        "请求体哈希头不是收到的请求体的 SHA-256，说明发送的请求体不是参与哈希和签名的那一个。",
                    );
                }
            }
            if !same(presented, expected) && same(&presented.to_ascii_lowercase(), expected) {
                return slip(
                    "The signature's hex digits are upper case, and they must be lower case.",
                    "签名的十六进制字母是大写的，必须用小写。",
                );
            }
            if from_hex(expected).is_some_and(|bytes| same(presented, &base64(&bytes))) {
                return slip(
                    "The signature is written in base64, and it must be lower-case hex.",
                    "签名写成了 base64，必须是小写十六进制。",
                );
            }
            if input.algorithm == Algorithm::Acs3HmacSha256
                && same(presented, &hex(&hmac_sha256(&with_ampersand(secret), sts)))
            {
                return slip(
                    "It was signed with the secret followed by &, as RPC signs, and ACS3 signs with the AccessKey secret alone.",
                    "签名所用的密钥是 Secret 后接 &（RPC 的做法），而 ACS3 签名的密钥是 AccessKey Secret 本身。",
                );
            }
            if input.algorithm == Algorithm::Tc3HmacSha256 {
                let scope = trace.credential_scope.as_deref().unwrap_or("");
                let mut parts = scope.split('/');
                let (date, service) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let signs = |first_key: &[u8], date: &str| {
                    let date_key = hmac_sha256(first_key, date.as_bytes());
                    let key = hmac_sha256(&hmac_sha256(&date_key, service.as_bytes()), b"tc3_request");
                    same(presented, &hex(&hmac_sha256(&key, sts)))
                };
                if signs(secret, date) {
                    return slip(
                        "The key chain started from the secret key alone, and TC3 starts it from \"TC3\" followed by the secret key.",
                        "派生密钥的第一步直接用了 SecretKey，而 TC3 用的是 \"TC3\" 加 SecretKey。",
                    );
                }
                let tc3_key = [b"TC3".as_slice(), secret].concat();
                // A local date: the day before or after near midnight UTC, in the key chain
                // while the scope has the UTC one (a scope with the local date is refused for
                // its scope, and the page's comparison points at it).
                let midnight = UtcDateTime::parse_iso8601(&alloc::format!("{date}T00:00:00Z"));
                let neighbour =
                    |days: i64| midnight.and_then(|t| UtcDateTime::from_unix(t + days * 86_400).ok()).map(|d| d.date());
                if [neighbour(-1), neighbour(1)].iter().flatten().any(|other| signs(&tc3_key, other)) {
                    return slip(
                        "The key chain took another day than the credential scope's (the day before or after, as a local time zone gives near midnight): both are the UTC date of X-TC-Timestamp.",
                        "派生密钥用的日期与凭证范围中的不是同一天（前一天或后一天，本地时区在午夜前后会这样）：两者都应是 X-TC-Timestamp 的 UTC 日期。",
                    );
                }
                if signs(&tc3_key, &date.replace('-', "")) {
                    return slip(
                        "The key chain took the date without its dashes (YYYYMMDD), and TC3 takes it as the credential scope writes it (YYYY-MM-DD).",
                        "派生密钥用的日期去掉了连字符（YYYYMMDD），而 TC3 要求与凭证范围中的写法一致（YYYY-MM-DD）。",
                    );
                }
            }
            None
        }
    }
}

/// The secret followed by `&`: RPC's key.
fn with_ampersand(secret: &[u8]) -> alloc::vec::Vec<u8> {
    let mut key = secret.to_vec();
    key.push(b'&');
    key
}

/// Compared in time that depends only on the lengths, as the signature itself is: an early
/// exit would tell a caller how much of the right signature (or of a variant of it) they have.
fn same(a: &str, b: &str) -> bool {
    ct_eq(a.as_bytes(), b.as_bytes())
}

fn from_hex(text: &str) -> Option<alloc::vec::Vec<u8>> {
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let bytes = text.as_bytes();
    if bytes.len() % 2 != 0 {
        return None;
    }
    bytes.chunks(2).map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?)).collect()
}
