// What the page keeps between visits, and where.
//
// localStorage: drafts (API, parameters, options) keyed by API id, the last API, the preferences
// (the page's language, the snippet language, where to send),
// the call history, the tccli files the user imported. Never a credential. sessionStorage: the credentials, and only after the
// user ticks "remember for this tab". Everything is JSON under the "cloudplay." prefix.

const PREFIX = "cloudplay.";
const CREDENTIALS_KEY = `${PREFIX}credentials`;

function read(storage, key, fallback) {
  try {
    const text = storage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** Writes `value` (`text`: as JSON already); the error when the browser refuses (private
 *  mode, a full quota), else null. */
function tryWrite(storage, key, value, text = JSON.stringify(value)) {
  try {
    storage.setItem(PREFIX + key, text);
    return null;
  } catch (e) {
    return e;
  }
}

function write(storage, key, value, text) {
  // Refused: the page goes on without persistence.
  return !tryWrite(storage, key, value, text);
}

function isQuotaError(e) {
  return e?.name === "QuotaExceededError" || e?.code === 22;
}

function remove(storage, key) {
  try {
    storage.removeItem(PREFIX + key);
  } catch {
    /* nothing to do */
  }
}

function local() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function session() {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Names that must never be persisted outside the opted-in session slot. */
const SECRET_FIELDS = ["secret_id", "secret_key", "token", "SecretId", "SecretKey", "Token", "credentials"];

/** What stands in for a secret in anything the page shows or keeps. */
export const REDACTED = "<redacted>";

/** `text` with every one of `secrets` in it replaced by REDACTED. */
export function scrub(text, secrets = []) {
  return secrets.reduce((out, s) => (s ? out.split(s).join(REDACTED) : out), text);
}

/** A copy of `value` without credential-named members and with `secrets` (the ones the page
 * holds) scrubbed from its names and strings: the one redaction for links, drafts and history.
 * A value is checked, not only a name, since a key pasted into any field is still the key.
 * `keepNamed`: credential-named members stay (the call being edited keeps its parameters). */
export function withoutSecrets(value, secrets = [], { keepNamed = false } = {}) {
  if (typeof value === "string") return scrub(value, secrets);
  if (Array.isArray(value)) return value.map((v) => withoutSecrets(v, secrets, { keepNamed }));
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      if (keepNamed || !SECRET_FIELDS.includes(k)) out[scrub(k, secrets)] = withoutSecrets(v, secrets, { keepNamed });
    }
    return out;
  }
  return value;
}

const SECRET_KEY_TEXT = new RegExp(`"(?:${SECRET_FIELDS.join("|")})"\\s*(?::|$)`);

/** Whether text (JSON still being typed) has a credential-named member: no parse can take it
 * out, so such text is not kept. A name as a key, exactly as `withoutSecrets` drops it: a
 * parameter like ClientToken, or "token" inside a value, is no credential (a held secret in
 * the text is scrubbed like any other value). */
export function namesSecret(text) {
  return SECRET_KEY_TEXT.test(text);
}

export const prefs = {
  get: (key, fallback) => (local() ? read(local(), `pref.${key}`, fallback) : fallback),
  set: (key, value) => local() && write(local(), `pref.${key}`, value),
};

/** Drafts the browser refused to keep (storage full or off), as text by API id: kept in memory
 *  for the rest of the visit, so that switching to another API and back does not lose them. */
const refused = new Map();

/** A draft: {params, region, options}. Options hold algorithm, method, timestamp mode, etc. */
export const drafts = {
  /** The storage key of an API's draft, as a `storage` event names it. */
  key: (apiId) => `${PREFIX}draft.${apiId}`,
  load(apiId) {
    if (refused.has(apiId)) return JSON.parse(refused.get(apiId));
    return local() ? read(local(), `draft.${apiId}`, null) : null;
  },
  /** Whether the draft of `apiId` is in memory only: the browser refused to keep it. */
  inMemoryOnly: (apiId) => refused.has(apiId),
  /** The text a draft is kept as, without `secrets` (see `withoutSecrets`): two drafts kept
   *  as the same text are the same draft. */
  text(draft, secrets = []) {
    const { params, region, options } = withoutSecrets(draft, secrets);
    return JSON.stringify({ params, region: region ?? "", options: options ?? {} });
  },
  /** Keeps `text` (see `text`) as the draft of `apiId`, the API the next visit opens: whether
   *  the draft was kept, false when storage is off or full (it is then kept in memory). */
  save(apiId, text) {
    const saved = Boolean(local()) && write(local(), `draft.${apiId}`, null, text);
    if (saved) refused.delete(apiId);
    else refused.set(apiId, text);
    this.opened(apiId);
    return saved;
  },
  /** Forgets the draft of `apiId`: the API opens with its example again. */
  forget(apiId) {
    refused.delete(apiId);
    if (local()) remove(local(), `draft.${apiId}`);
  },
  /** Makes `apiId` the API the next visit opens. */
  opened(apiId) {
    if (local()) write(local(), "lastApi", apiId);
  },
  lastApi() {
    return local() ? read(local(), "lastApi", null) : null;
  },
};

/** How many imported products are kept (each can be several hundred KB). */
const MAX_IMPORTS = 5;

/** Metadata the user imported, re-imported on the next visit: tccli files as
 *  `{key, api, examples}`, an Alibaba bundle as `{key, alibaba}`, API specs as `{key, specs}`. */
export const imports = {
  list() {
    return local() ? read(local(), "imports", []) : [];
  },
  /** Keeps an import under `key` (its product/version), newest first: `{saved, dropped}`,
   *  `saved` false when storage is full or off, `dropped` the keys of the oldest imports that
   *  made room (MAX_IMPORTS are kept). */
  add(key, api, examples) {
    return this.keep({ key, api, examples: examples ?? null });
  },
  addAlibaba(key, bundle) {
    return this.keep({ key, alibaba: bundle });
  },
  addSpecs(key, specs) {
    return this.keep({ key, specs });
  },
  keep(entry) {
    if (!local()) return { saved: false, dropped: [] };
    const kept = this.list().filter((i) => i.key !== entry.key);
    kept.unshift(entry);
    const saved = write(local(), "imports", kept.slice(0, MAX_IMPORTS));
    return { saved, dropped: saved ? kept.slice(MAX_IMPORTS).map((i) => i.key) : [] };
  },
  max: MAX_IMPORTS,
  clear() {
    if (local()) remove(local(), "imports");
  },
};

export const history = {
  /** Its storage key, as a `storage` event names it. */
  key: `${PREFIX}history`,
  list() {
    return local() ? read(local(), "history", []) : [];
  },
  /** Keeps `entries` (newest first), dropping the oldest while storage is full: how many were
   *  kept, or -1 when storage is off or refuses for another reason. */
  save(entries) {
    if (!local()) return -1;
    let kept = withoutSecrets(entries);
    for (;;) {
      const e = tryWrite(local(), "history", kept);
      if (!e) return kept.length;
      if (!isQuotaError(e)) return -1;
      if (!kept.length) {
        // Not even an empty list fits: the old one goes rather than stand for a history that is not kept.
        remove(local(), "history");
        return 0;
      }
      kept = kept.slice(0, -1);
    }
  },
};

/** The credentials slot: sessionStorage only, only when the user opted in. */
export const credentialSlot = {
  load() {
    const s = session();
    if (!s) return null;
    try {
      const text = s.getItem(CREDENTIALS_KEY);
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  },
  save(creds) {
    const s = session();
    if (!s) return false;
    try {
      s.setItem(CREDENTIALS_KEY, JSON.stringify({ secret_id: creds.secret_id, secret_key: creds.secret_key, token: creds.token || "" }));
      return true;
    } catch {
      return false;
    }
  },
  clear() {
    const s = session();
    if (s) remove(s, "credentials");
  },
};
