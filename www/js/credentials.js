// The credentials panel. Secrets live in the inputs (memory) only; sessionStorage holds them
// only while "remember in this tab" is ticked; Clear wipes both. Never localStorage, a URL,
// the history, a draft or a snippet.
import { credentialSlot } from "./store.js";
import { t, say } from "./i18n.js";
import { cp, has } from "./wasm.js";

/** The simulator's "ordinary" demo account (public demo keys that protect nothing), or null. */
export function demoCredentials() {
  if (!has("demoAccounts")) return null;
  const a = cp().demoAccounts().find((x) => x.profile === "ordinary" && !x.token);
  return a ? { secret_id: a.secret_id, secret_key: a.secret_key } : null;
}

export class CredentialsPanel {
  /** `onClear(secrets)`: called with the secrets being cleared, while the page still knows
   *  them, so that copies of them elsewhere on the page can go too. */
  constructor({ id, key, token, remember, clear, demo, status, alsoSecret = [], mayHold = [], onClear = () => {} }, onChange) {
    Object.assign(this, { idInput: id, keyInput: key, tokenInput: token, remember, clearButton: clear, demoButton: demo, status, alsoSecret, mayHold, onClear });
    this.onChange = onChange;
    // Counts changes, so that an answer can be known to be for other credentials without the
    // page keeping a copy of a secret to compare with.
    this.version = 0;
    const saved = credentialSlot.load();
    if (saved) {
      this.idInput.value = saved.secret_id ?? "";
      this.keyInput.value = saved.secret_key ?? "";
      this.tokenInput.value = saved.token ?? "";
      this.remember.checked = true;
    }
    for (const input of [this.idInput, this.keyInput, this.tokenInput]) input.addEventListener("input", () => this.changed());
    this.remember.addEventListener("change", () => {
      if (!this.remember.checked) {
        credentialSlot.clear();
        return this.say("cred.memoryOnly");
      }
      if (this.keep()) this.say("cred.remembered");
    });
    this.clearButton.addEventListener("click", () => this.clear());
    this.demoButton?.addEventListener("click", () => {
      const demo = demoCredentials();
      if (!demo) return this.say("cred.noDemo");
      this.idInput.value = demo.secret_id;
      this.keyInput.value = demo.secret_key;
      this.tokenInput.value = "";
      this.changed();
      this.say("cred.demoFilled");
    });
  }

  values() {
    return { secret_id: this.idInput.value.trim(), secret_key: this.keyInput.value, token: this.tokenInput.value.trim() };
  }

  /** `{secret_id, secret_key, token?}` for prepare, or null while incomplete. */
  get() {
    const v = this.values();
    if (!v.secret_id || !v.secret_key) return null;
    const out = { secret_id: v.secret_id, secret_key: v.secret_key };
    if (v.token) out.token = v.token;
    return out;
  }

  /** Every secret the page holds, for tests and for scrubbing text. */
  secrets() {
    const v = this.values();
    return [v.secret_key, v.token].filter((s) => s && s.length >= 4);
  }

  changed() {
    this.version += 1;
    if (this.remember.checked) this.keep();
    this.onChange();
  }

  /** Saves the credentials in the tab's slot: whether it took them. Refused (sessionStorage
   *  blocked or full), the box is unticked and the page says so, rather than claim they are
   *  remembered; an older copy in the slot goes, or a reload would bring it back. */
  keep() {
    if (credentialSlot.save(this.values())) return true;
    credentialSlot.clear();
    this.remember.checked = false;
    this.say("cred.cannotRemember");
    return false;
  }

  clear() {
    // Text that may quote a credential (a request pasted into the verify panel carries the
    // token): emptied when it holds one, as the fields are.
    const held = this.secrets();
    for (const input of this.mayHold) if (held.some((s) => input.value.includes(s))) input.value = "";
    this.onClear(held);
    this.idInput.value = "";
    this.keyInput.value = "";
    this.tokenInput.value = "";
    // Other fields holding a secret (the verify panel's key): "clear" means every one.
    for (const input of this.alsoSecret) input.value = "";
    this.remember.checked = false;
    credentialSlot.clear();
    this.say("cred.cleared");
    this.version += 1;
    this.onChange();
  }

  say(key) {
    say(this.status, () => t(key));
  }
}
