//! cloudplay-sign: sign Tencent Cloud and Alibaba Cloud API requests exactly as they go on the
//! wire, with every intermediate value the vendors define.
//!
//! - [`WireInput`] is a request as sent (method, host, path, query, headers, body, or the
//!   signed parameters), read from JSON text with errors that name the field ([`wire`]).
//! - [`sign_wire`] (or a [`Signer`], which derives each TC3 key once for a run) returns a
//!   [`SigningTrace`]: canonical request, string to sign, signature, and what to add to the
//!   request, for TC3-HMAC-SHA256, TC-HmacSHA1/SHA256, ACS-RPC-HMAC-SHA1 and ACS3-HMAC-SHA256.
//!
//! This is the part of cloudplay every signature runs through, kept apart from the specs,
//! validation and importers of `cloudplay-core` (which re-exports it): the npm package's
//! signing-only module is this crate alone, and the full module builds it for speed.
//!
//! `no_std` + `alloc`, and no JSON library; time is always an input, never read here.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]

extern crate alloc;

pub mod crypto;
pub mod encode;
pub mod error;
pub mod http;
pub mod sign;
#[doc(hidden)] // core's too, not an API of its own
pub mod text;
pub mod time;
pub mod wire;

pub use error::{Error, ErrorKind, Result, Violation};
pub use http::HttpRequest;
pub use sign::{sign_wire, Algorithm, CanonicalRequest, Signer, SigningTrace, StringToSign};
pub use wire::{Credentials, WireInput};
