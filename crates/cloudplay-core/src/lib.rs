//! cloudplay-core: build, validate and sign Tencent Cloud and Alibaba Cloud API requests.
//!
//! The one flow is spec → validate → build → sign:
//!
//! - [`ApiSpec`] describes one API action as data; [`Catalog`] holds the built-in specs of the
//!   four seed APIs and any added or imported ([`import::tccli`], [`import::alibaba`]).
//! - [`validate()`] lists every [`Violation`] (path, vendor code, English and Chinese message).
//! - [`build()`] makes the unsigned wire request ([`HttpRequest`]) for each API style.
//! - [`prepare()`] validates, builds and signs, returning the request and the [`SigningTrace`].
//! - [`snippet()`] writes the call as curl, Python, Node, Go or a CLI line, never with a secret;
//!   [`raw`] reads a pasted curl command or raw HTTP request back into an [`HttpRequest`].
//! - [`sign_wire`] takes a request exactly as it goes on the wire and returns a
//!   [`SigningTrace`] with every intermediate value the vendors define.
//!
//! `no_std` + `alloc`; time and randomness are always inputs, never read here.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]

extern crate alloc;

// The wire-level signer lives in its own crate (the signing-only npm module is that crate
// alone); its modules are re-exported here under the paths they have always had.
pub use cloudplay_sign::{crypto, encode, error, http, sign, time, wire};

pub mod build;
pub mod catalog;
pub mod conformance;
mod float;
pub mod hosts;
pub mod id_index;
pub mod import;
pub mod json;
pub mod number;
pub mod prepare;
pub mod raw;
mod slips;
pub mod snippet;
pub mod spec;
pub mod unflatten;
pub mod validate;
pub mod verify;

pub use error::{Error, ErrorKind, Result};
pub use http::HttpRequest;
pub use sign::{sign_wire, Algorithm, CanonicalRequest, Signer, SigningTrace, StringToSign};
pub use wire::{Credentials, WireInput};

pub use build::{build, BuildOptions};
pub use catalog::{prepare, ApiSummary, Catalog};
pub use import::{ImportReport, Imported, Skipped};
pub use prepare::{prepare_with_signer, prepare_with_spec, sign_request, Call, PrepareOptions, Prepared};
pub use raw::{detect_and_parse, parse_curl, parse_raw_http};
pub use snippet::{snippet, snippet_in, Language};
pub use spec::{ApiSpec, ApiStyle, Doc, Param, ParamType};
pub use unflatten::unflatten;
pub use validate::{validate, validate_call, Violation};
