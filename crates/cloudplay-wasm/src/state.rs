//! Module-level state (the catalog with its imports) and the edge's clock and randomness.

use std::cell::Cell;

use cloudplay_core::Catalog;
use wasm_bindgen::JsValue;

thread_local! {
    // wasm32 runs one thread; the catalog lives as long as the module instance.
    static CATALOG: Cell<Option<Catalog>> = const { Cell::new(None) };
}

pub fn with_catalog<R>(f: impl FnOnce(&Catalog) -> R) -> R {
    with_catalog_mut(|c| f(c))
}

/// Runs `f` on the catalog, taken out of its cell for the call and put back after. A JS
/// exception that unwinds through `f` runs no Rust destructors: a `RefCell` borrow would stay
/// taken and fail every later call, whereas here the next call starts from the built-in
/// catalog.
pub fn with_catalog_mut<R>(f: impl FnOnce(&mut Catalog) -> R) -> R {
    CATALOG.with(|cell| {
        // The built-in specs are compiled in and tested; should one fail to parse, start
        // empty rather than fail every call.
        let mut catalog = cell.take().unwrap_or_else(|| Catalog::builtin().unwrap_or_default());
        let result = f(&mut catalog);
        cell.set(Some(catalog));
        result
    })
}

/// Unix seconds from the JS clock.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A fresh nonce from `crypto.getRandomValues` where there is one: a positive integer below
/// 2^53, which both vendors accept (Tencent requires an integer; Alibaba takes any string)
/// and which survives a round trip through a JS number.
pub fn nonce() -> String {
    let mut bytes = [0u8; 8];
    if !fill_random(&mut bytes) {
        // No Web Crypto: Math.random is enough for a nonce (it is not a secret).
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    let n = u64::from_le_bytes(bytes) & (crate::errors::JS_EXACT - 1);
    n.max(1).to_string()
}

/// Entropy for the simulator's ids.
pub fn entropy() -> u64 {
    let mut bytes = [0u8; 8];
    if !fill_random(&mut bytes) {
        return (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 ^ (js_sys::Date::now() as u64);
    }
    u64::from_le_bytes(bytes)
}

/// Bytes from `crypto.getRandomValues`, drawn a block at a time: a call into JS (and Node's
/// randomFillSync behind it) cost more than the rest of a `prepare`.
fn fill_random(bytes: &mut [u8]) -> bool {
    thread_local! {
        static POOL: core::cell::RefCell<(Vec<u8>, usize)> = const { core::cell::RefCell::new((Vec::new(), 0)) };
    }
    POOL.with(|pool| {
        let Ok(mut pool) = pool.try_borrow_mut() else { return false };
        let (block, used) = &mut *pool;
        if block.len() - *used < bytes.len() {
            let mut fresh = vec![0u8; 512.max(bytes.len())];
            if !crypto_random(&mut fresh) {
                return false;
            }
            *block = fresh;
            *used = 0;
        }
        // `used` only grows until the next block: no byte is handed out twice.
        bytes.copy_from_slice(&block[*used..*used + bytes.len()]);
        *used += bytes.len();
        true
    })
}

fn crypto_random(bytes: &mut [u8]) -> bool {
    let global = js_sys::global();
    let Ok(crypto) = js_sys::Reflect::get(&global, &JsValue::from_str("crypto")) else {
        return false;
    };
    if crypto.is_undefined() {
        return false;
    }
    let Ok(get) = js_sys::Reflect::get(&crypto, &JsValue::from_str("getRandomValues")) else {
        return false;
    };
    let Ok(get) = wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(get) else {
        return false;
    };
    let array = js_sys::Uint8Array::new_with_length(bytes.len() as u32);
    if get.call1(&crypto, &array).is_err() {
        return false;
    }
    array.copy_to(bytes);
    true
}
