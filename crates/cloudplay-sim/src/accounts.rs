//! Who may call the simulator: built-in demo accounts, one per scenario, plus any loaded from a
//! JSON file `[{"secret_id","secret_key","token"?,"profile"?,"owner_id"?}]`.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use cloudplay_core::Credentials;
use serde::{Deserialize, Serialize};

/// The scenario an account plays: which business rules it trips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Profile {
    /// Everything a caller may do, within quotas.
    #[default]
    Ordinary,
    /// Not on the allow-lists of products that keep one (ms: UnauthorizedOperation.NotWhiteUser;
    /// hai: UnauthorizedOperation.UnauthorizedUser).
    NotAllowListed,
    /// Balance below zero (hai: FailedOperation.ArrearsAccountCannotRunInstances; BSS:
    /// INSUFFICIENT.AVAILABLE.QUOTA).
    Arrears,
    /// Real-name information not filled in (BSS: ORDER.ACCOUNT_INFORMATION_INCOMPLETE).
    IncompleteInformation,
}

#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    pub credentials: Credentials,
    pub profile: Profile,
    /// The numeric owner id Alibaba checks `OwnerId` against.
    pub owner_id: String,
}

// The secret key and token must never reach a log line.
impl core::fmt::Debug for Account {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Account")
            .field("secret_id", &self.credentials.secret_id)
            .field("profile", &self.profile)
            .finish()
    }
}

/// The demo accounts every simulator starts with. The keys are made-up demo values; they
/// protect nothing and are printed in the README so anyone can try each scenario.
pub const DEMO: [(&str, &str, Option<&str>, Profile); 5] = [
    ("AKIDcloudplayDemoOrdinary00000001", "cloudplayDemoSecretOrdinary00001", None, Profile::Ordinary),
    ("AKIDcloudplayDemoNotAllowListed02", "cloudplayDemoSecretNotListed0002", None, Profile::NotAllowListed),
    ("AKIDcloudplayDemoArrears000000003", "cloudplayDemoSecretArrears000003", None, Profile::Arrears),
    ("AKIDcloudplayDemoIncompleteInfo04", "cloudplayDemoSecretIncomplete004", None, Profile::IncompleteInformation),
    (
        "STS.cloudplayDemoTemporary0000005",
        "cloudplayDemoSecretTemporary0005",
        Some("cloudplayDemoSessionToken0005"),
        Profile::Ordinary,
    ),
];

#[derive(Debug, Clone, Default)]
pub struct Accounts {
    list: Vec<Account>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountFile {
    secret_id: String,
    secret_key: String,
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    profile: Option<Profile>,
    #[serde(default)]
    owner_id: Option<String>,
}

impl Accounts {
    pub fn empty() -> Self {
        Accounts::default()
    }

    pub fn demo() -> Self {
        let mut a = Accounts::empty();
        for (id, key, token, profile) in DEMO {
            a.add(Account::new(id, key, token, profile));
        }
        a
    }

    /// Adds or replaces (same secret id) an account.
    pub fn add(&mut self, account: Account) {
        match self.list.iter_mut().find(|a| a.credentials.secret_id == account.credentials.secret_id) {
            Some(slot) => *slot = account,
            None => self.list.push(account),
        }
    }

    /// Adds the accounts of a JSON array; returns how many. Nothing is added if any is wrong.
    pub fn add_json(&mut self, text: &str) -> Result<usize, String> {
        let raw: Vec<AccountFile> = cloudplay_core::json::typed(text).map_err(|e| {
            format!("accounts: expected [{{\"secret_id\",\"secret_key\",\"token\"?,\"profile\"?}}]: {e}")
        })?;
        for (i, a) in raw.iter().enumerate() {
            if a.secret_id.trim().is_empty() || a.secret_key.is_empty() {
                return Err(format!("accounts[{i}]: secret_id and secret_key must not be empty"));
            }
            // Replacing a demo key without a word would make the README's keys fail.
            if self.get(&a.secret_id).is_some() || raw[..i].iter().any(|b| b.secret_id == a.secret_id) {
                return Err(format!(
                    "accounts[{i}]: secret_id '{}' is already an account's (the demo accounts' ids are taken); give it an id of its own",
                    a.secret_id
                ));
            }
        }
        let n = raw.len();
        for a in raw {
            let mut account =
                Account::new(&a.secret_id, &a.secret_key, a.token.as_deref(), a.profile.unwrap_or_default());
            if let Some(owner) = a.owner_id {
                account.owner_id = owner;
            }
            self.add(account);
        }
        Ok(n)
    }

    pub fn get(&self, secret_id: &str) -> Option<&Account> {
        self.list.iter().find(|a| a.credentials.secret_id == secret_id)
    }

    pub fn credentials(&self, secret_id: &str) -> Option<&Credentials> {
        self.get(secret_id).map(|a| &a.credentials)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Account> {
        self.list.iter()
    }
}

impl Account {
    pub fn new(secret_id: &str, secret_key: &str, token: Option<&str>, profile: Profile) -> Self {
        Account {
            credentials: Credentials {
                secret_id: secret_id.to_string(),
                secret_key: secret_key.to_string(),
                token: token.filter(|t| !t.is_empty()).map(ToString::to_string),
            },
            profile,
            owner_id: owner_id_of(secret_id),
        }
    }
}

/// A stable 16-digit owner id derived from the key id, so accounts need not list one.
fn owner_id_of(secret_id: &str) -> String {
    let digest = cloudplay_core::crypto::sha256(secret_id.as_bytes());
    let mut n =
        u64::from_be_bytes([digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7]]);
    n = 1_000_000_000_000_000 + n % 9_000_000_000_000_000;
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_accounts_default_to_ordinary_and_bad_files_add_nothing() {
        let mut a = Accounts::empty();
        let n = a
            .add_json(r#"[{"secret_id":"k1","secret_key":"s1"},{"secret_id":"k2","secret_key":"s2","token":"t","profile":"arrears","owner_id":"42"}]"#)
            .unwrap();
        assert_eq!(n, 2);
        assert_eq!(a.get("k1").unwrap().profile, Profile::Ordinary);
        let k2 = a.get("k2").unwrap();
        assert_eq!(
            (k2.profile, k2.owner_id.as_str(), k2.credentials.token.as_deref()),
            (Profile::Arrears, "42", Some("t"))
        );
        assert_eq!(a.get("k1").unwrap().owner_id.len(), 16);
        for bad in [
            r#"{}"#,
            r#"[{"secret_id":"x"}]"#,
            r#"[{"secret_id":"","secret_key":"s"}]"#,
            r#"[{"secret_id":"x","secret_key":"s","profile":"vip"}]"#,
        ] {
            let mut b = Accounts::empty();
            assert!(b.add_json(bad).is_err(), "{bad}");
            assert!(b.is_empty());
        }
        assert!(!format!("{:?}", Accounts::demo()).contains("cloudplayDemoSecret"));
    }
}
