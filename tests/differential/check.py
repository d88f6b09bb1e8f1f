#!/usr/bin/env python3
"""Runs vectors (signing.json format) through `cloudplay sign-wire` and `cloudplay verify-wire`.

    python3 tests/differential/check.py [--bin target/debug/cloudplay] FILE...

sign-wire must reproduce every `expected` signing field. verify-wire must accept the request as
it was sent, at its own timestamp, and refuse it with the vendor's code when one byte of the
body, of a query value or of a signed header changes, and an hour later. Standard library only.
Prints a summary per algorithm and writes every mismatch to --report; exits 1 on any mismatch.
"""

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPARED = ["canonical_request", "hashed_canonical_request", "hashed_payload", "credential_scope", "signed_headers",
            "string_to_sign", "signature", "authorization"]
WIRE_LEVEL = ("TC3-HMAC-SHA256", "ACS3-HMAC-SHA256")
SIGNING_PARAMS = {"AccessKeyId", "SecretId", "Timestamp", "Signature", "SignatureMethod", "SignatureVersion", "Nonce",
                  "SignatureNonce"}


def contract_input(v):
    """The signWire input of a vector, exactly as vectors/README.md defines it."""
    e = v["expected"]
    inp = {"algorithm": v["algorithm"], "method": v["method"], "host": v["api"]["host"], "path": v["api"]["path"],
           "service": v["api"]["service"], "credentials": v["credentials"], "timestamp": v["timestamp"]}
    for k in ("timestamp_iso", "nonce"):
        if k in v:
            inp[k] = v[k]
    if v["algorithm"] in WIRE_LEVEL:
        inp["query"] = e["query"]
        inp["headers"] = {k: x for k, x in e["headers"].items() if k.lower() != "authorization"}
        inp["body"] = e["body"]
        inp["signed_headers"] = e["signed_headers"]
    else:
        inp["params"] = e["signed_params"]
    return inp


def received_request(v):
    """The verify-wire input: the request as the SDK sent it, checked at its own timestamp."""
    e = v["expected"]
    headers = dict(e.get("headers") or {})
    if not any(k.lower() == "host" for k in headers):
        headers["Host"] = v["api"]["host"]
    return {"method": v["method"], "url": e.get("url") or doc_url(v), "headers": headers, "body": e.get("body", ""),
            "credentials": [v["credentials"]], "now": v["timestamp"]}


def doc_url(v):
    """Documentation examples carry no URL: put their signed parameters on the wire as a GET query."""
    from urllib.parse import quote

    e, api = v["expected"], v["api"]
    if v["algorithm"] in WIRE_LEVEL:
        return f"https://{api['host']}{api['path']}" + (f"?{e['query']}" if e["query"] else "")
    q = "".join(f"{quote(n, safe='~')}={quote(x, safe='~')}&" for n, x in e["signed_params"])
    return f"https://{api['host']}{api['path']}?{q}Signature={quote(e['signature'], safe='~')}"


def family(v):
    alg = v["algorithm"]
    if alg == "TC3-HMAC-SHA256" or (alg.startswith("TC-") and v["api"]["host"].split(":")[0].endswith("tencentcloudapi.com")):
        return "tencent3"
    return "tencent-legacy" if alg.startswith("TC-") else "alibaba"


MISMATCH_CODE = {"tencent3": "AuthFailure.SignatureFailure", "tencent-legacy": "4100", "alibaba": "SignatureDoesNotMatch"}
EXPIRED_CODE = {"tencent3": "AuthFailure.SignatureExpire", "tencent-legacy": "4500", "alibaba": "InvalidTimeStamp.Expired"}


def flip_one(s, start=0):
    """Changes one ASCII letter or digit at or after `start`, never inside a %XX escape."""
    i = start
    while i < len(s):
        c = s[i]
        if c == "%" and i + 2 < len(s) + 0 and all(x in "0123456789abcdefABCDEF" for x in s[i + 1:i + 3]):
            i += 3
            continue
        if c.isascii() and c.isalnum():
            new = {"z": "y", "Z": "Y", "9": "8"}.get(c, chr(ord(c) + 1))
            return s[:i] + new + s[i + 1:]
        i += 1
    return None


def business_value_offsets(form, tencent_legacy=False, overridden=()):
    """Offsets of the values of parameters that only the signature guards. Left out, as the
    SDKs leave them out of the signature: a value starting with '@' (qcloudapi, in a POST: a file
    upload by the API 2.0 convention), in the Tencent legacy scheme a name that a later one
    shadows once `_` is written `.` (`A_b` then `A.b`: the SDK's dict keeps the later value), and
    `overridden` names (a query name the form body repeats: the Alibaba SDKs sign the body's)."""
    from urllib.parse import unquote_plus

    segs = form.split("&")
    signed_as = [unquote_plus(s.split("=", 1)[0]).replace("_", ".") if tencent_legacy else None for s in segs]
    out, offset = [], 0
    for i, seg in enumerate(segs):
        if "=" in seg:
            name, value = seg.split("=", 1)
            shadowed = (tencent_legacy and signed_as[i] in signed_as[i + 1:]) or unquote_plus(name) in overridden
            if (name not in SIGNING_PARAMS and not value.startswith("%40") and not shadowed
                    and flip_one(value) is not None):
                out.append(offset + len(name) + 1)
        offset += len(seg) + 1
    return out


def variants(v, base):
    """(what, request, acceptable codes) for each single-byte change the signature must catch."""
    fam = family(v)
    mismatch = {MISMATCH_CODE[fam]}
    out = []
    headers = {k.lower(): x for k, x in base["headers"].items()}
    unsigned = headers.get("x-tc-content-sha256") == "UNSIGNED-PAYLOAD"
    form = "x-www-form-urlencoded" in headers.get("content-type", "")
    body = base["body"]
    if body:
        m = dict(base)
        if v["algorithm"] in WIRE_LEVEL or not form:
            m["body"] = flip_one(body, len(body) // 2) or flip_one(body)
        else:
            offs = business_value_offsets(body, v["algorithm"].startswith("TC-"))
            m["body"] = flip_one(body, offs[0]) if offs else None
        if m["body"] and m["body"] != body:
            out.append(("body", m, {None} if unsigned else mismatch))
    url = base["url"]
    if "?" in url:
        q = url.index("?") + 1
        from urllib.parse import parse_qsl

        in_body = {n for n, _ in parse_qsl(body, keep_blank_values=True)} if form else set()
        offs = business_value_offsets(url[q:], v["algorithm"].startswith("TC-"), in_body)
        if offs:
            m = dict(base)
            m["url"] = flip_one(url, q + offs[0])
            out.append(("query", m, mismatch))
    signed = v["expected"].get("signed_headers")
    for name in signed.split(";") if signed else []:
        key = next(k for k in base["headers"] if k.lower() == name)
        changed = flip_one(base["headers"][key])
        if changed is None:
            continue
        m = dict(base)
        m["headers"] = {**base["headers"], key: changed}
        # A changed clock header may fall outside the window before the signature is checked.
        codes = mismatch | ({EXPIRED_CODE[fam], "InvalidTimeStamp.Format"} if name in ("x-acs-date", "x-tc-timestamp") else set())
        out.append((f"header {name}", m, codes))
    late = dict(base)
    late["now"] = base["now"] + 3600
    out.append(("an hour later", late, {EXPIRED_CODE[fam]}))
    return out


def run_jsonl(binary, verb, lines):
    text = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
    p = subprocess.run([str(binary), verb], input=text.encode("utf-8"), capture_output=True, check=False)
    if p.returncode != 0 and not p.stdout:
        raise SystemExit(f"{verb} failed: {p.stderr.decode(errors='replace')}")
    # split("\n"), not splitlines(): U+2028 and U+0085 inside a JSON string are not line ends.
    out = [json.loads(l) for l in p.stdout.decode("utf-8").split("\n") if l.strip()]
    if len(out) != len(lines):
        raise SystemExit(f"{verb}: {len(lines)} lines in, {len(out)} out")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--bin", type=Path, default=ROOT / "target" / "debug" / "cloudplay")
    ap.add_argument("--report", type=Path, default=ROOT / ".cache" / "differential" / "report.json")
    args = ap.parse_args()

    vectors = [v for f in args.files for v in json.loads(f.read_text())["vectors"]]
    failures = defaultdict(list)
    per_alg = Counter(v["algorithm"] for v in vectors)

    traces = run_jsonl(args.bin, "sign-wire", [contract_input(v) for v in vectors])
    diverging = Counter()
    for v, got in zip(vectors, traces):
        if "error" in got:
            failures[v["id"]].append({"step": "sign-wire", "error": got["error"]})
            continue
        wrong = [f for f in COMPARED if f in v["expected"] and got.get(f) != v["expected"][f]]
        # A documented SDK divergence cannot be reproduced from the contract input; the
        # verifier must still accept the request.
        div = next((t for t in v.get("tags", []) if t.startswith("divergence:")), None)
        if wrong and div:
            diverging[div] += 1
            continue
        for f in wrong:
            failures[v["id"]].append({"step": "sign-wire", "field": f, "want": v["expected"][f], "got": got.get(f)})

    checks = []
    for v in vectors:
        base = received_request(v)
        checks.append((v, "as sent", base, {"ok"}))
        checks.extend((v, what, m, codes) for what, m, codes in variants(v, base))
    outcomes = run_jsonl(args.bin, "verify-wire", [c[2] for c in checks])
    for (v, what, _req, codes), got in zip(checks, outcomes):
        code = "ok" if got.get("ok") else got.get("code")
        if codes == {None}:
            ok = got.get("ok")
        else:
            ok = code in codes
        if not ok:
            failures[v["id"]].append({"step": "verify-wire", "variant": what, "want": sorted(c or "ok" for c in codes),
                                      "got": code, "message": got.get("message")})

    by_alg = Counter()
    kinds = Counter()
    for vid, fs in failures.items():
        v = next(x for x in vectors if x["id"] == vid)
        by_alg[v["algorithm"]] += 1
        for f in fs:
            kinds[(v["algorithm"], f["step"], f.get("field") or f.get("variant") or f.get("error", {}).get("code"))] += 1
    for alg, n in sorted(per_alg.items()):
        print(f"  {alg:20s} {n:5d} cases, {by_alg[alg]:4d} with mismatches")
    for (alg, step, what), n in sorted(kinds.items()):
        print(f"    {alg} {step} {what}: {n}")
    for div, n in sorted(diverging.items()):
        print(f"  documented SDK divergence, not signed alike (verified): {div}: {n}")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(failures, ensure_ascii=False, indent=1))
    print(f"{len(vectors)} cases, {len(checks)} verify checks, {len(failures)} cases with mismatches"
          + (f" (details: {args.report})" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
