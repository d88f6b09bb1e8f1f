//! tccli
