//! cloudplay-core: build, validate and sign Tencent Cloud and Alibaba Cloud API requests.
//!
//! The one flow is spec → validate → build → sign. This crate holds the signing engine:
//! [`sign_wire`] takes a request exactly as it goes on the wire and returns a
//! [`SigningTrace`] with every intermediate value the vendors define.
//!
//! `no_std` + `alloc`; time and randomness are always inputs, never read here.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_debug_implementations)]

extern crate alloc;

pub mod conformance;
pub mod crypto;
pub mod encode;
pub mod error;
pub mod http;
pub mod sign;
pub mod time;
pub mod verify;
pub mod wire;

pub use error::{Error, ErrorKind, Result};
pub use http::HttpRequest;
pub use sign::{sign_wire, Algorithm, CanonicalRequest, SigningTrace, StringToSign};
pub use wire::{Credentials, WireInput};
