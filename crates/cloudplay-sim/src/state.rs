//! Everything the simulator remembers between requests, each store bounded: nonces (replay
//! checks), idempotency records (ClientToken), created resources, quota usage and rate windows.
//! Plain serde data, so it exports to JSON and imports back unchanged.

use alloc::collections::{BTreeMap, VecDeque};
use alloc::format;
use alloc::string::String;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The export format; an import of another one is refused.
pub const FORMAT: u32 = 1;

/// How much each store may hold. When a store is full the oldest entry goes: memory stays flat
/// under any load, at the cost of forgetting the oldest nonce or token first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub nonces: usize,
    pub idempotency: usize,
    pub resources: usize,
    pub rate_windows: usize,
    /// How long a ClientToken is remembered, in seconds.
    pub idempotency_ttl: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { nonces: 50_000, idempotency: 10_000, resources: 10_000, rate_windows: 10_000, idempotency_ttl: 86_400 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Nonce {
    /// A digest of account and nonce: the nonce itself need not be kept.
    pub key: u64,
    pub expires: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Idempotent {
    pub key: u64,
    pub created: i64,
    /// The business fields of the first success, answered again for a repeated token.
    pub result: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    pub id: String,
    /// The API that created it (`hai/2023-08-12/RunInstances`).
    pub api: String,
    pub owner: String,
    pub created: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub second: i64,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    pub format: u32,
    /// Requests handled; mixed into each request's randomness.
    pub requests: u64,
    #[serde(default)]
    pub limits: Limits,
    #[serde(default)]
    nonces: VecDeque<Nonce>,
    #[serde(default)]
    idempotency: VecDeque<Idempotent>,
    #[serde(default)]
    resources: VecDeque<Resource>,
    /// Units used per `owner|product`, for quotas.
    #[serde(default)]
    usage: BTreeMap<String, u64>,
    /// Requests in the current second per `account|api`.
    #[serde(default)]
    rate: BTreeMap<String, Window>,
    #[serde(skip)]
    nonce_index: BTreeMap<u64, i64>,
    /// Token digest → absolute position in `idempotency` (`idem_base` is the front's).
    #[serde(skip)]
    idem_index: BTreeMap<u64, u64>,
    #[serde(skip)]
    idem_base: u64,
}

/// Two states are equal when they export the same: the lookup indexes are derived data.
impl PartialEq for State {
    fn eq(&self, other: &Self) -> bool {
        self.to_json() == other.to_json()
    }
}

impl Default for State {
    fn default() -> Self {
        State::with_limits(Limits::default())
    }
}

/// A digest of a key text (deterministic across runs and platforms) in 53 bits: the export is
/// JSON, which JS reads into numbers, and a key past 2^53 would come back with other low bits
/// (`restoreSimulator(JSON.parse(text))` then forgot every token and nonce). Among the 50,000
/// nonces the largest store holds, two collide with a chance of about one in seven million.
pub fn digest(text: &str) -> u64 {
    let d = cloudplay_core::crypto::sha256(text.as_bytes());
    u64::from_be_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]]) & KEY_MASK
}

/// The bits of a key: a JS number holds every integer below 2^53 exactly.
const KEY_MASK: u64 = (1 << 53) - 1;

impl State {
    pub fn with_limits(limits: Limits) -> Self {
        State {
            format: FORMAT,
            requests: 0,
            limits,
            nonces: VecDeque::new(),
            idempotency: VecDeque::new(),
            resources: VecDeque::new(),
            usage: BTreeMap::new(),
            rate: BTreeMap::new(),
            nonce_index: BTreeMap::new(),
            idem_index: BTreeMap::new(),
            idem_base: 0,
        }
    }

    /// Records a nonce; `true` when it was already seen and has not expired (a replay).
    pub fn replayed(&mut self, key: &str, now: i64, keep_for: i64) -> bool {
        while let Some(front) = self.nonces.front() {
            if front.expires >= now {
                break;
            }
            let old = self.nonces.pop_front().map(|n| n.key);
            if let Some(k) = old {
                self.nonce_index.remove(&k);
            }
        }
        let k = digest(key);
        if self.nonce_index.get(&k).is_some_and(|exp| *exp >= now) {
            return true;
        }
        let expires = now.saturating_add(keep_for);
        self.nonce_index.insert(k, expires);
        self.nonces.push_back(Nonce { key: k, expires });
        while self.nonces.len() > self.limits.nonces {
            if let Some(old) = self.nonces.pop_front() {
                self.nonce_index.remove(&old.key);
            }
        }
        false
    }

    /// Counts a request against `limit` per second; `false` when over it.
    pub fn admit(&mut self, key: &str, now: i64, limit: u32) -> bool {
        if self.rate.len() >= self.limits.rate_windows && !self.rate.contains_key(key) {
            // Rebuilt rather than `retain`ed: removal is the only B-tree rebalancing code this
            // map would need, kilobytes in the npm module, and a full table is the rare case.
            for (k, w) in core::mem::take(&mut self.rate) {
                if w.second == now {
                    self.rate.insert(k, w);
                }
            }
            if self.rate.len() >= self.limits.rate_windows {
                // Every window is current: the caller is flooding with new keys; refuse it.
                return false;
            }
        }
        let w = self.rate.entry(key.into()).or_insert(Window { second: now, count: 0 });
        if w.second != now {
            *w = Window { second: now, count: 0 };
        }
        if w.count >= limit {
            return false;
        }
        w.count += 1;
        true
    }

    pub fn idempotent(&self, key: &str, now: i64) -> Option<&Value> {
        let pos = *self.idem_index.get(&digest(key))?;
        let r = self.idempotency.get(usize::try_from(pos.checked_sub(self.idem_base)?).ok()?)?;
        (now.saturating_sub(r.created) <= self.limits.idempotency_ttl).then_some(&r.result)
    }

    pub fn remember(&mut self, key: &str, now: i64, result: Value) {
        let k = digest(key);
        let pos = self.idem_base + self.idempotency.len() as u64;
        self.idempotency.push_back(Idempotent { key: k, created: now, result });
        self.idem_index.insert(k, pos);
        while self.idempotency.len() > self.limits.idempotency {
            if let Some(old) = self.idempotency.pop_front() {
                if self.idem_index.get(&old.key) == Some(&self.idem_base) {
                    self.idem_index.remove(&old.key);
                }
            }
            self.idem_base += 1;
        }
    }

    pub fn create(&mut self, resource: Resource) {
        self.resources.push_back(resource);
        while self.resources.len() > self.limits.resources {
            self.resources.pop_front();
        }
    }

    pub fn resources(&self) -> impl Iterator<Item = &Resource> {
        self.resources.iter()
    }

    pub fn usage(&self, key: &str) -> u64 {
        self.usage.get(key).copied().unwrap_or(0)
    }

    pub fn add_usage(&mut self, key: &str, n: u64) {
        let slot = self.usage.entry(key.into()).or_insert(0);
        *slot = slot.saturating_add(n);
    }

    /// Sizes of the stores: (nonces, idempotency records, resources, rate windows).
    pub fn sizes(&self) -> (usize, usize, usize, usize) {
        (self.nonces.len(), self.idempotency.len(), self.resources.len(), self.rate.len())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads an export back; the limits it carries are kept and enforced.
    pub fn from_json(text: &str) -> Result<Self, cloudplay_core::Error> {
        // typed_arg: an error names the member at fault (state.format, state.limits, …).
        let mut s: State = cloudplay_core::json::typed_arg(text, "state")?;
        if s.format != FORMAT {
            return Err(cloudplay_core::Error::at(
                cloudplay_core::ErrorKind::InvalidField,
                "state.format",
                format!("is {}: this simulator reads exports of format {FORMAT}", s.format),
            ));
        }
        let l = s.limits;
        while s.nonces.len() > l.nonces {
            s.nonces.pop_front();
        }
        while s.idempotency.len() > l.idempotency {
            s.idempotency.pop_front();
        }
        while s.resources.len() > l.resources {
            s.resources.pop_front();
        }
        if s.rate.len() > l.rate_windows {
            s.rate.clear();
        }
        // Inserts rather than `collect`: collecting sorts first, and each sort is kilobytes of
        // code in the npm module. Later records win either way, as they did when they were made.
        // An export of 64-bit keys (before they were cut to 53 bits) is read as today's.
        for n in s.nonces.iter_mut() {
            n.key &= KEY_MASK;
            s.nonce_index.insert(n.key, n.expires);
        }
        for (i, r) in s.idempotency.iter_mut().enumerate() {
            r.key &= KEY_MASK;
            s.idem_index.insert(r.key, i as u64);
        }
        s.idem_base = 0;
        Ok(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn small() -> State {
        State::with_limits(Limits { nonces: 3, idempotency: 2, resources: 2, rate_windows: 2, idempotency_ttl: 100 })
    }

    #[test]
    fn nonces_replay_until_they_expire_and_the_store_stays_bounded() {
        let mut s = small();
        assert!(!s.replayed("a|1", 1000, 600));
        assert!(s.replayed("a|1", 1500, 600));
        assert!(!s.replayed("a|1", 1601, 600), "expired after keep_for");
        for i in 0..10 {
            s.replayed(&format!("b|{i}"), 1700, 600);
        }
        assert_eq!(s.sizes().0, 3);
    }

    #[test]
    fn rate_windows_reset_each_second() {
        let mut s = small();
        assert!(s.admit("k|api", 10, 2) && s.admit("k|api", 10, 2));
        assert!(!s.admit("k|api", 10, 2));
        assert!(s.admit("k|api", 11, 2));
        assert!(s.admit("other|api", 11, 2));
        assert!(!s.admit("third|api", 11, 2), "a full table of current windows refuses new keys");
        assert!(s.admit("third|api", 12, 2));
        assert!(s.sizes().3 <= 2);

        // A full table drops the stale windows only; a current one keeps its count.
        let mut s = small();
        assert!(s.admit("a", 20, 2) && s.admit("b", 21, 2));
        assert!(s.admit("c", 21, 2));
        assert_eq!(s.sizes().3, 2);
        assert!(s.admit("b", 21, 2));
        assert!(!s.admit("b", 21, 2));
        assert!(!s.admit("a", 21, 2), "a full table of current windows refuses new keys");
    }

    #[test]
    fn tokens_expire_stores_are_bounded_and_state_round_trips() {
        let mut s = small();
        s.remember("t1", 0, json!({"X": 1}));
        assert_eq!(s.idempotent("t1", 100), Some(&json!({"X": 1})));
        assert_eq!(s.idempotent("t1", 101), None);
        s.remember("t2", 0, json!(2));
        s.remember("t3", 0, json!(3));
        assert_eq!(s.idempotent("t1", 0), None, "oldest evicted");
        assert_eq!((s.idempotent("t2", 0), s.idempotent("t3", 0)), (Some(&json!(2)), Some(&json!(3))));
        let back = State::from_json(&s.to_json()).unwrap();
        assert_eq!((back.idempotent("t2", 0), back.idempotent("t3", 0)), (Some(&json!(2)), Some(&json!(3))));
        for i in 0..5 {
            s.create(Resource { id: format!("r{i}"), api: "a".into(), owner: "o".into(), created: i });
        }
        assert_eq!(s.resources().map(|r| r.id.as_str()).collect::<alloc::vec::Vec<_>>(), ["r3", "r4"]);
        s.replayed("n", 5, 10);
        s.add_usage("o|ms", 7);
        let back = State::from_json(&s.to_json()).unwrap();
        assert_eq!(back, s);
        assert!(back.clone().replayed("n", 6, 10));
        assert!(State::from_json(&s.to_json().replace("\"format\":1", "\"format\":9")).is_err());
        assert!(State::from_json("[").is_err());
    }

    #[test]
    fn a_restored_state_answers_the_later_of_two_records_with_one_key() {
        let mut s = small();
        s.remember("t", 0, json!(1));
        s.remember("t", 0, json!(2));
        assert_eq!(State::from_json(&s.to_json()).unwrap().idempotent("t", 0), Some(&json!(2)));

        s.replayed("n", 5, 10);
        let mut v: Value = serde_json::from_str(&s.to_json()).unwrap();
        let first = v["nonces"][0].clone();
        let mut later = first.clone();
        later["expires"] = json!(5);
        v["nonces"] = json!([first, later]);
        let mut back = State::from_json(&serde_json::to_string(&v).unwrap()).unwrap();
        assert!(!back.replayed("n", 6, 10), "the later record expired at 5");
    }
}
