#!/usr/bin/env python3
"""Differential signing cases: the vendors' official SDKs, pinned exactly as in
tests/fixtures/signing.json (meta.python_sdks, meta.node_sdks), sign many adversarial requests;
each becomes a vector in the signing.json format, so the same harnesses check cloudplay
against them (tests/differential/check.py, CLOUDPLAY_EXTRA_VECTORS).

    python3 tests/differential/gen_cases.py [--seed N] [--count N] [--out FILE]

The SDKs run inside .cache/venv-diff, which this script creates (and re-installs when
tests/interop/requirements.txt changes) before re-running itself there. The SDKs' own signing
code runs unmodified: only their clock, nonce source and transport are replaced, so a request
is built and signed exactly as the SDK would send it, and captured instead of sent.
"""

import argparse
import hashlib
import json
import os
import random
import string
import subprocess
import sys
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".cache" / "venv-diff"
REQUIREMENTS = ROOT / "tests" / "interop" / "requirements.txt"
DEFAULT_OUT = ROOT / ".cache" / "differential" / "cases.json"
NODE_ORACLE = Path(__file__).resolve().parent / "node_oracle.cjs"

# The public vectors fixed the Tea user agent so that it does not depend on the machine.
FIXED_TEA_AGENT = "AlibabaCloud (Linux; x86_64) Python/3.11.7 Core/0.4.3 TeaDSL/2"


def ensure_venv():
    """Creates or refreshes the venv, then re-runs this script with its python."""
    python = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    wanted = REQUIREMENTS.read_text()
    stamp = VENV / "requirements.stamp"
    if not stamp.exists() or stamp.read_text() != wanted:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "-r", str(REQUIREMENTS)], check=True)
        stamp.write_text(wanted)
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])


@contextmanager
def patched(obj, name, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


class FixedClock:
    """Stands in for the `time` module an SDK imported: only time() is asked."""

    def __init__(self, ts):
        self.ts = ts

    def time(self):
        return float(self.ts)

    def __getattr__(self, name):
        import time

        return getattr(time, name)


class HashSpy:
    """Stands in for `hashlib` in an SDK module and records what is hashed."""

    def __init__(self):
        self.inputs = []

    def sha256(self, data=b""):
        self.inputs.append(bytes(data))
        return hashlib.sha256(data)

    def __getattr__(self, name):
        return getattr(hashlib, name)


class HmacSpy:
    """Stands in for `hmac` in an SDK module and records every message signed."""

    def __init__(self):
        import hmac

        self.real = hmac
        self.messages = []

    def new(self, key, msg=None, digestmod=None):
        self.messages.append(msg)
        return self.real.new(key, msg, digestmod)

    def __getattr__(self, name):
        return getattr(self.real, name)


def iso(ts):
    import datetime

    return datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(b):
    return b.decode("utf-8") if isinstance(b, (bytes, bytearray)) else b


# ---------------------------------------------------------------------------------------------
# Adversarial values


ASCII_PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))
PUNCT = string.punctuation
TRICKY = [
    "",
    " ",
    "  lead and trail  ",
    "a+b",
    "a b",
    "+",
    "a\tb",
    "line1\nline2",
    "cr\r\nlf",
    "%41",
    "%zz",
    "%",
    "%%41",
    "%2B%20",
    "%E4%B8%AD",
    "~",
    "*",
    "a*b~c",
    "!'()",
    "=&=&",
    "a=b&c=d",
    "?#[]@",
    "/path/",
    '"quoted"',
    "back\\slash",
    "<>{}|^`",
    "杭州市西湖区文三路 969 号",
    "腾讯云 主机-01",
    "日本語テキスト",
    "한국어",
    "Ünïcödé",
    "e\u0301",
    "😀",
    "👨‍👩‍👧",
    "𝕏𝄞",
    "🇨🇳 flag",
    "\ue000private",
    "\uffff",
    "\u00a0nbsp\u00a0",
    "\u3000ideographic\u3000",
    "\ufeffbom",
    "\u2028sep",
    "\u0085nel",
    "\u202eRTL",
    "ctl\x01\x1f\x7f",
    "nul\x00byte",
    "True",
    "null",
    "0",
    "-1",
    "1.5",
    ASCII_PRINTABLE,
    ASCII_PRINTABLE[::-1],
]


def adversarial(rng, allow_controls=True):
    """A string value from the tricky pool, a random mix, a punctuation run or a long value."""
    pick = rng.random()
    if pick < 0.45:
        v = rng.choice(TRICKY)
    elif pick < 0.6:
        v = "".join(rng.choice(PUNCT) for _ in range(rng.randint(1, 12)))
    elif pick < 0.75:
        alphabet = ASCII_PRINTABLE + "中文😀é\u00a0~%+"
        v = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
    elif pick < 0.8:
        v = "".join(rng.choice(ASCII_PRINTABLE + "杭州😀") for _ in range(rng.randint(1000, 5000)))
    elif pick < 0.9:
        v = rng.choice(PUNCT)
    else:
        v = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(rng.randint(1, 20)))
    if not allow_controls:
        v = "".join(c for c in v if c >= " " and c != "\x7f")
    return v


def plain_value(rng):
    return "".join(rng.choice(string.ascii_letters + string.digits + "-_.") for _ in range(rng.randint(1, 16)))


def timestamp(rng):
    """Mostly recent instants, often at or around UTC midnight and the 32-bit boundaries."""
    edges = [
        0,
        1,
        86399,
        86400,
        951782400,  # 2000-02-29
        1575072000,  # 2019-11-30T00:00:00Z
        1577836799,  # 2019-12-31T23:59:59Z
        1709164800,  # 2024-02-29
        2147483647,
        2147483648,
        2147483647 + 86400,
        4102444799,
        4102444800,  # 2100-01-01
        4294967295,
        4294967296,
        32503680000,  # 3000-01-01
        253402300799,  # 9999-12-31T23:59:59Z
    ]
    pick = rng.random()
    if pick < 0.3:
        return rng.choice(edges)
    if pick < 0.5:
        day = rng.randint(0, 60000) * 86400
        return day + rng.choice([0, 1, 86399, 43200])
    return rng.randint(1_400_000_000, 1_900_000_000)


def secret(rng, alphabet=string.ascii_letters + string.digits, n=32):
    return "".join(rng.choice(alphabet) for _ in range(n))


def odd_secret(rng):
    """Keys past the HMAC block (64 bytes: the key is hashed first), non-ASCII, or punctuation."""
    return rng.choice([
        secret(rng, n=rng.choice([63, 64, 65, 100, 200])),
        secret(rng, ASCII_PRINTABLE.replace(" ", ""), 40),
        secret(rng, n=10) + "密钥😀é" + secret(rng, n=10),
    ])


def tencent_credentials(rng):
    c = {"secret_id": "AKID" + secret(rng, n=32), "secret_key": secret(rng)}
    if rng.random() < 0.3:
        c["secret_key"] = odd_secret(rng)
    if rng.random() < 0.4:
        c["token"] = secret(rng, string.ascii_letters + string.digits + "+/=", rng.randint(20, 120))
    return c


def alibaba_credentials(rng):
    if rng.random() < 0.4:
        return {
            "secret_id": "STS." + secret(rng, n=20),
            "secret_key": secret(rng, n=30),
            "token": secret(rng, string.ascii_letters + string.digits + "+/=", rng.randint(20, 160)),
        }
    c = {"secret_id": "LTAI" + secret(rng, n=20), "secret_key": secret(rng, n=30)}
    if rng.random() < 0.3:
        c["secret_key"] = odd_secret(rng)
    return c


def name_pair(rng):
    """Two names whose order differs between code points (Python) and UTF-16 units (JS sort)."""
    return rng.choice([("😀k", "\ue000k"), ("\U0001d54fx", "\uff21x"), ("a😀", "a\ufb01")])


def adversarial_name(rng):
    """Parameter names that stress sorting and substitution: `_` against `.`, case, unicode."""
    return rng.choice(
        [
            "A_b",
            "A.b",
            "Ab",
            "AZ",
            "A_Z",
            "Pre_fix",
            "PreA",
            "Pre.fix",
            "_lead",
            ".lead",
            "trail_",
            "a",
            "Z",
            "z",
            "Tag.1.Key",
            "Tag_1_Key",
            "名字",
            "Ünï",
            "😀k",
            "\ue000k",
            "k k",
            "k+k",
            "k~k",
            "k*k",
            "k%41",
            "k-k",
            "K",
            "k",
        ]
    )


# ---------------------------------------------------------------------------------------------
# Tencent Cloud API 3.0: tencentcloud-sdk-python-common AbstractClient


TC3_APIS = [
    ("ms", "CreateResourceInstances", "2018-04-08"),
    ("hai", "RunInstances", "2023-08-12"),
    ("cvm", "DescribeInstances", "2017-03-12"),
]
TC_REGIONS = [None, "ap-guangzhou", "ap-shanghai", "ap-nanjing", "na-siliconvalley", "ap-beijing", ""]


def tc3_params(rng, method):
    p = {}
    for _ in range(rng.randint(0, 8)):
        kind = rng.random()
        name = rng.choice(["Pid", "TimeUnit", "InstanceName", "ClientToken", "Filter", "Name"]) + str(rng.randint(0, 20))
        if rng.random() < 0.25:
            name = adversarial_name(rng)
        if kind < 0.5:
            p[name] = adversarial(rng)
        elif kind < 0.65:
            p[name] = rng.choice([0, 1, -1, 2**31 - 1, 2**53 + 1, 2**63 - 1, 2**64 + 7, 10**30])
        elif kind < 0.72:
            p[name] = rng.choice([True, False])
        elif kind < 0.78:
            p[name] = rng.choice([1.5, 0.1, 1e16, 1e-7, -0.0])
        elif kind < 0.9:
            p[name] = [adversarial(rng) for _ in range(rng.randint(0, 12))]
        else:
            p[name] = {"Key": adversarial(rng), "Value": adversarial(rng), "Nested": {"Deep": rng.randint(0, 9)}}
    return p


def tc3_python(rng, idx):
    from tencentcloud.common import abstract_client as ac
    from tencentcloud.common.abstract_client import AbstractClient
    from tencentcloud.common.credential import Credential
    from tencentcloud.common.http.request import RequestInternal
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile
    from tencentcloud.common.sign import Sign

    service, action, version = rng.choice(TC3_APIS)
    method = rng.choice(["GET", "POST"])
    ts = timestamp(rng)
    creds = tencent_credentials(rng)
    region = rng.choice(TC_REGIONS)
    language = rng.choice([None, "zh-CN", "en-US"])
    unsigned = rng.random() < 0.2
    host = f"{service}.tencentcloudapi.com"
    tags = {method.lower()}
    if rng.random() < 0.15:
        host += ":" + str(rng.choice([443, 8443, 80, 65535]))
        tags.add("host-port")
    if rng.random() < 0.05:
        host = f"{service}.ap-guangzhou.tencentcloudapi.com"
    if rng.random() < 0.03:
        host = f"{service.upper()}.TencentCloudAPI.com"
    params = tc3_params(rng, method)

    class Client(AbstractClient):
        _apiVersion = version
        _endpoint = host
        _service = service

    profile = ClientProfile(httpProfile=HttpProfile(endpoint=host, reqMethod=method), language=language or "zh-CN")
    if language is None:
        profile.language = None
    profile.unsignedPayload = unsigned
    client = Client(Credential(creds["secret_id"], creds["secret_key"], creds.get("token")), region, profile)
    req = RequestInternal(client._get_endpoint(), method, client._requestPath, header={})
    spy = HashSpy()
    signed = []
    real_sign_tc3 = Sign.sign_tc3

    def spy_sign_tc3(secret_key, date, svc, str2sign):
        signed.append(str2sign)
        return real_sign_tc3(secret_key, date, svc, str2sign)

    with ExitStack() as stack:
        stack.enter_context(patched(ac, "time", FixedClock(ts)))
        stack.enter_context(patched(ac, "hashlib", spy))
        stack.enter_context(patched(Sign, "sign_tc3", staticmethod(spy_sign_tc3)))
        client._build_req_inter(action, params, req)

    headers = dict(req.header)
    query = req.data if method == "GET" else ""
    body = text(req.data) if method == "POST" else ""
    canonical = spy.inputs[-1].decode("utf-8")
    sts = signed[-1]
    auth = headers["Authorization"]
    url = f"https://{host}/" + (f"?{query}" if query else "")
    if unsigned:
        tags.add("unsigned-payload")
    if creds.get("token"):
        tags.add("session-token")
    if region:
        tags.add("region")
    return {
        "id": f"diff-tc3-py-{idx:04d}",
        "source": "sdk",
        "sdk": "tencentcloud-sdk-python-common==3.1.195",
        "algorithm": "TC3-HMAC-SHA256",
        "api": {"service": service, "host": host, "path": "/", "action": action, "version": version, "region": region},
        "method": method,
        "credentials": creds,
        "timestamp": ts,
        "nonce": None,
        "params": params,
        "options": {"language": language, "unsigned_payload": unsigned},
        "tags": sorted(tags),
        "expected": tc3_expected(canonical, sts, auth, url, query, headers, body),
    }


def tc3_expected(canonical, sts, auth, url, query, headers, body):
    lines = sts.split("\n")
    return {
        "canonical_request": canonical,
        "hashed_canonical_request": lines[3],
        "hashed_payload": canonical.rsplit("\n", 1)[1],
        "credential_scope": lines[2],
        "signed_headers": auth.split("SignedHeaders=")[1].split(",")[0],
        "string_to_sign": sts,
        "signature": auth.rsplit("Signature=", 1)[1],
        "authorization": auth,
        "url": url,
        "query": query,
        "headers": headers,
        "body": body,
    }


# ---------------------------------------------------------------------------------------------
# Tencent Cloud legacy signature: qcloudapi-sdk-python Sign.make, tencentcloud-sdk-python's v1 path


def legacy_params(rng, method):
    p = {}
    for _ in range(rng.randint(0, 9)):
        name = adversarial_name(rng) if rng.random() < 0.5 else rng.choice(
            ["RegionId", "ZoneId", "SpecCode", "Operator", "Storage", "Number", "MasterIp", "SubnetId", "VpcId"]
        )
        kind = rng.random()
        if kind < 0.55:
            v = adversarial(rng)
            # qcloudapi leaves a POST value starting with '@' (a file upload) out of the signature.
            p[name] = v
        elif kind < 0.7:
            p[name] = rng.choice([0, 1, 2**31 - 1, 2**53 + 1, 2**63 - 1, 2**64 + 7, -5])
        elif kind < 0.76:
            p[name] = rng.choice([True, False])
        elif kind < 0.82:
            p[name] = rng.choice([1.5, 1e16, 1e-7])
        else:
            p[name] = [plain_value(rng) if rng.random() < 0.5 else adversarial(rng) for _ in range(rng.randint(1, 12))]
    if rng.random() < 0.15:
        p[rng.choice(["A_b", "Pre_fix"])] = "underscore"
        p[rng.choice(["A.b", "Pre.fix"])] = "dot"
    return p


LEGACY_APIS = [
    ("postgres", "postgres.api.qcloud.com", "/v2/index.php", "CreateResource", "2017-03-12"),
    ("cvm", "cvm.api.qcloud.com", "/v2/index.php", "DescribeInstances", "2017-03-12"),
    ("cvm", "cvm.tencentcloudapi.com", "/", "DescribeInstances", "2017-03-12"),
]


def legacy_qcloud(rng, idx):
    from QcloudApi.common import request as qreq
    from QcloudApi.common import sign as qsign
    from QcloudApi.modules import base as qbase

    service, host, path, action, version = rng.choice(LEGACY_APIS[:2])
    method = rng.choice(["GET", "POST"])
    sign_method = rng.choice(["HmacSHA1", "HmacSHA256"])
    ts = timestamp(rng)
    creds = tencent_credentials(rng)
    region = rng.choice(["gz", "sh", "bj", "ap-guangzhou", "ap-shanghai", ""])
    nonce_rng = random.Random(rng.random())
    params = legacy_params(rng, method)
    if method == "POST" and rng.random() < 0.1:
        params["Upload"] = "@not-a-file"

    config = {
        "secretId": creds["secret_id"],
        "secretKey": creds["secret_key"],
        "Region": region,
        "Version": version,
        "method": method,
        "SignatureMethod": sign_method,
        "endpoint": host,
        "Token": creds.get("token", ""),
    }
    client = qbase.Base(config)
    client.requestUri = path
    inter = qreq.RequestInternal(host, method, path)
    spy = HmacSpy()
    captured = {}
    real_make = qsign.Sign.make

    def spy_make(self, requestHost, requestUri, p, method="POST", sign_method="HmacSHA1"):
        captured["params"] = dict(p)
        return real_make(self, requestHost, requestUri, p, method, sign_method)

    with ExitStack() as stack:
        stack.enter_context(patched(qbase, "time", FixedClock(ts)))
        stack.enter_context(patched(qbase, "random", nonce_rng))
        stack.enter_context(patched(qsign, "hmac", spy))
        stack.enter_context(patched(qsign.Sign, "make", spy_make))
        client._build_req_inter(action, params, inter)

    sts = text(spy.messages[-1])
    sent = captured["params"]
    signed_params = [
        [k, str(v)] for k, v in sent.items() if not (method == "POST" and str(v)[0:1] == "@")
    ]
    signature = dict(signed_params_pairs(inter.data))["Signature"]
    return legacy_vector(
        f"diff-tcv1-qcloud-{idx:04d}", "qcloudapi-sdk-python==2.0.15", sign_method, service, host, path,
        action, version, region, method, creds, ts, int(sent["Nonce"]), params, {"sign_method": sign_method},
        sts, signature, signed_params, inter.data, {"Content-Type": inter.header["Content-Type"]} if method == "POST" else {},
    )


def legacy_tcsdk(rng, idx):
    from tencentcloud.common import abstract_client as ac
    from tencentcloud.common.abstract_client import AbstractClient
    from tencentcloud.common.credential import Credential
    from tencentcloud.common.http.request import RequestInternal
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile
    from tencentcloud.common.sign import Sign

    service, host, path, action, version = rng.choice(LEGACY_APIS)
    method = rng.choice(["GET", "POST"])
    sign_method = rng.choice(["HmacSHA1", "HmacSHA256"])
    ts = timestamp(rng)
    creds = tencent_credentials(rng)
    region = rng.choice(["gz", "bj", "ap-guangzhou", None])
    language = rng.choice([None, "zh-CN", "en-US"])
    params = legacy_params(rng, method)

    class Client(AbstractClient):
        _apiVersion = version
        _endpoint = host
        _service = service
        _requestPath = path

    profile = ClientProfile(signMethod=sign_method, httpProfile=HttpProfile(endpoint=host, reqMethod=method))
    profile.language = language
    client = Client(Credential(creds["secret_id"], creds["secret_key"], creds.get("token")), region, profile)
    req = RequestInternal(client._get_endpoint(), method, path, header={})
    seen = []
    real_sign = Sign.sign

    def spy_sign(secret_key, sign_str, sign_method):
        seen.append(sign_str)
        return real_sign(secret_key, sign_str, sign_method)

    nonce_rng = random.Random(rng.random())
    with ExitStack() as stack:
        stack.enter_context(patched(ac, "time", FixedClock(ts)))
        stack.enter_context(patched(ac, "random", nonce_rng))
        stack.enter_context(patched(Sign, "sign", staticmethod(spy_sign)))
        client._build_req_inter(action, params, req)

    pairs = signed_params_pairs(req.data)
    signature = dict(pairs)["Signature"]
    signed_params = [[k, v] for k, v in pairs if k != "Signature"]
    return legacy_vector(
        f"diff-tcv1-tcsdk-{idx:04d}", "tencentcloud-sdk-python-common==3.1.195", sign_method, service, host,
        path, action, version, region, method, creds, ts, int(dict(pairs)["Nonce"]), params,
        {"sign_method": sign_method, "language": language}, seen[-1], signature, signed_params, req.data,
        {"Content-Type": req.header["Content-Type"]},
    )


def signed_params_pairs(form):
    from urllib.parse import parse_qsl

    return parse_qsl(form, keep_blank_values=True)


def legacy_vector(id_, sdk, alg_suffix, service, host, path, action, version, region, method, creds, ts, nonce,
                  params, options, sts, signature, signed_params, data, headers):
    query = data if method == "GET" else ""
    body = data if method == "POST" else ""
    url = f"https://{host}{path}" + (f"?{query}" if query else "")
    tags = {method.lower()}
    if any("_" in k for k, _ in signed_params):
        tags.add("underscore-name")
    if creds.get("token"):
        tags.add("session-token")
    return {
        "id": id_,
        "source": "sdk",
        "sdk": sdk,
        "algorithm": "TC-" + alg_suffix,
        "api": {"service": service, "host": host, "path": path, "action": action, "version": version, "region": region},
        "method": method,
        "credentials": creds,
        "timestamp": ts,
        "nonce": nonce,
        "params": params,
        "options": options,
        "tags": sorted(tags),
        "expected": {
            "string_to_sign": sts,
            "signature": signature,
            "signed_params": signed_params,
            "url": url,
            "query": query,
            "body": body,
            "headers": headers,
        },
    }


# ---------------------------------------------------------------------------------------------
# Alibaba Cloud RPC (signature 1.0): aliyun-python-sdk-core and alibabacloud-tea-openapi (v2)


ALI_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-hongkong", "ap-southeast-1"]


def alibaba_call(rng):
    """What every Alibaba case draws first, in this order (the seeded cases depend on it):
    timestamp, credentials, region and method."""
    return timestamp(rng), alibaba_credentials(rng), rng.choice(ALI_REGIONS), rng.choice(["GET", "POST"])


def bss_params(rng, nparams=None):
    p = {}
    for name in ["ProductCode", "ProductType", "SubscriptionType", "Period", "RenewalStatus", "RenewPeriod",
                 "ClientToken", "PricingCycle", "Logistics"]:
        if rng.random() < 0.6:
            p[name] = adversarial(rng) if rng.random() < 0.5 else plain_value(rng)
    n = nparams if nparams is not None else rng.choice([0, 1, 2, 3, 10, 11, 12, 21])
    if n:
        p["Parameter"] = [{"Code": rng.choice(["Region", "InstanceSpec", "Bandwidth"]), "Value": adversarial(rng)}
                          for _ in range(n)]
    return p


def rpc_core(rng, idx):
    from aliyunsdkbssopenapi.request.v20171214.CreateInstanceRequest import CreateInstanceRequest
    from aliyunsdkcore.client import AcsClient
    from aliyunsdkcore.request import CommonRequest
    from aliyunsdkcore.auth.algorithm import sha_hmac1
    from aliyunsdkcore.utils import parameter_helper

    ts, creds, region, method = alibaba_call(rng)
    host = "business.aliyuncs.com"
    nonce = secret(rng, "0123456789abcdef", 32)
    params = bss_params(rng)
    extra = {}
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 4)):
            extra[adversarial_name(rng)] = adversarial(rng)
    if rng.random() < 0.1:
        extra.update({n: adversarial(rng) for n in name_pair(rng)})
    form = method == "POST" and rng.random() < 0.5

    if creds.get("token"):
        from aliyunsdkcore.auth.credentials import StsTokenCredential

        client = AcsClient(region_id=region, credential=StsTokenCredential(creds["secret_id"], creds["secret_key"], creds["token"]))
    else:
        client = AcsClient(creds["secret_id"], creds["secret_key"], region)
    if extra or form:
        req = CommonRequest(domain=host, version="2017-12-14", action_name="CreateInstance")
        req.set_method(method)
        flat = flatten_1based(params)
        for k, v in flat.items():
            (req.add_body_params if form else req.add_query_param)(k, v)
        for k, v in extra.items():
            req.add_query_param(k, v)
        if form and rng.random() < 0.2:
            # The same name in the query and the body: the SDK signs the body's value.
            req.add_query_param("ClientToken", "from-query")
            req.add_body_params("ClientToken", "from-body")
        kind = "common"
    else:
        req = CreateInstanceRequest()
        req.set_method(method)
        for k, v in params.items():
            if k == "Parameter":
                req.set_Parameters(v)
            elif hasattr(req, "set_" + k):
                getattr(req, "set_" + k)(v)
            else:
                # This request class (2.0.3) has no setter for it; the SDK's generic way in.
                req.add_query_param(k, v)
        kind = "normal"
    req.set_endpoint(host)
    signed_texts = []
    real_sign_string = sha_hmac1.get_sign_string

    def spy_sign_string(source, secret):
        signed_texts.append(source)
        return real_sign_string(source, secret)

    with ExitStack() as stack:
        stack.enter_context(patched(parameter_helper, "get_iso_8061_date", lambda: iso(ts)))
        stack.enter_context(patched(parameter_helper, "get_uuid", lambda: nonce))
        stack.enter_context(patched(sha_hmac1, "get_sign_string", spy_sign_string))
        resp = client._make_http_response(host, req, 10, 5)
    url_path = resp.get_url()
    query = url_path.split("?", 1)[1] if "?" in url_path else ""
    body = text(resp.get_body() or "") if hasattr(resp, "get_body") else ""
    if not body and form:
        body = req.get_content() or ""
    body = text(body) if body else ""
    headers = {k: v for k, v in resp.get_headers().items() if k not in ("User-Agent", "Accept-Encoding")}
    headers = {"Host": host, **headers}
    sts = signed_texts[-1]
    pairs = signed_params_pairs(query)
    signature = dict(pairs)["Signature"]
    signed = {k: v for k, v in pairs if k != "Signature"}
    if body:
        signed.update(dict(signed_params_pairs(body)))
    signed_params = [[k, v] for k, v in sorted(signed.items())]
    return rpc_vector(f"diff-acsrpc-core-{idx:04d}", f"aliyun-python-sdk-core==2.16.1+aliyun-python-sdk-bssopenapi==2.0.3 ({kind})",
                      region, method, creds, ts, nonce, {**params, **extra}, sts, signature, signed_params, query, body, headers)


def flatten_1based(params):
    out = {}
    for k, v in params.items():
        if isinstance(v, list):
            for i, item in enumerate(v, 1):
                for kk, vv in item.items():
                    out[f"{k}.{i}.{kk}"] = vv
        else:
            out[k] = v
    return out


def tea_client(creds, region, signature_algorithm=None, user_agent=None):
    from alibabacloud_credentials.client import Client as CredClient
    from alibabacloud_credentials.models import Config as CredConfig
    from alibabacloud_tea_openapi.client import Client
    from alibabacloud_tea_openapi import models as open_api_models

    if creds.get("token"):
        cred = CredClient(CredConfig(type="sts", access_key_id=creds["secret_id"], access_key_secret=creds["secret_key"],
                                     security_token=creds["token"]))
    else:
        cred = CredClient(CredConfig(type="access_key", access_key_id=creds["secret_id"], access_key_secret=creds["secret_key"]))
    config = open_api_models.Config(credential=cred, region_id=region, endpoint="business.aliyuncs.com",
                                    signature_algorithm=signature_algorithm, user_agent=user_agent)
    return Client(config)


class Captured(BaseException):
    """Raised by the stand-in transport; a BaseException so the SDK's retry loop lets it through."""

    def __init__(self, request):
        self.request = request


@contextmanager
def tea_capture(ts, nonce):
    from alibabacloud_tea_openapi import client as tea_client_mod
    from alibabacloud_tea_openapi import utils as tea_utils

    spy = HmacSpy()
    hashes = []
    real_hash = tea_utils.Utils.hash

    def spy_hash(raw, sign_type):
        hashes.append(bytes(raw))
        return real_hash(raw, sign_type)

    def capture(request, runtime=None):
        raise Captured(request)

    with ExitStack() as stack:
        stack.enter_context(patched(tea_utils.Utils, "get_timestamp", staticmethod(lambda: iso(ts))))
        stack.enter_context(patched(tea_utils.Utils, "get_nonce", staticmethod(lambda: nonce)))
        stack.enter_context(patched(tea_utils.Utils, "_Utils__get_default_agent", staticmethod(lambda: FIXED_TEA_AGENT)))
        stack.enter_context(patched(tea_utils.Utils, "hash", staticmethod(spy_hash)))
        stack.enter_context(patched(tea_utils, "hmac", spy))
        stack.enter_context(patched(tea_client_mod.DaraCore, "do_action", staticmethod(capture)))
        yield spy, hashes


def tea_wire(request):
    from urllib.parse import urlencode

    query = {k: str(v) for k, v in request.query.items() if v is not None}
    q = urlencode(query)
    host = request.headers.get("host")
    return q, f"https://{host}{request.pathname}" + (f"?{q}" if q else "")


def rpc_tea(rng, idx):
    from alibabacloud_tea_openapi import utils_models
    from darabonba.runtime import RuntimeOptions
    from alibabacloud_tea_openapi.utils import Utils

    ts, creds, region, method = alibaba_call(rng)
    nonce = secret(rng, "0123456789abcdef", 32)
    params = bss_params(rng)
    extra = {}
    if rng.random() < 0.4:
        for _ in range(rng.randint(1, 4)):
            extra[adversarial_name(rng)] = adversarial(rng)
    in_body = method == "POST" and rng.random() < 0.4
    client = tea_client(creds, region, "v2")
    all_params = {**params, **extra}
    req = utils_models.OpenApiRequest(body=Utils.query(all_params)) if in_body else utils_models.OpenApiRequest(query=Utils.query(all_params))
    if in_body and rng.random() < 0.2:
        # The same name in the query and the body: Tea signs merge(query, body), the body's value.
        req.query = {"ClientToken": "from-query"}
        req.body["ClientToken"] = "from-body"
    p = utils_models.Params(action="CreateInstance", version="2017-12-14", protocol="HTTPS", pathname="/", method=method,
                            auth_type="AK", style="RPC", req_body_type="formData", body_type="json")
    with tea_capture(ts, nonce) as (spy, _):
        try:
            client.call_api(p, req, RuntimeOptions())
        except Captured as c:
            request = c.request
    query, _url = tea_wire(request)
    body = request.body or ""
    sts = text(spy.messages[-1])
    signature = request.query["Signature"]
    signed = {k: v for k, v in request.query.items() if k != "Signature"}
    if body:
        signed.update(dict(signed_params_pairs(body)))
    headers = {k: v for k, v in request.headers.items() if k != "user-agent"}
    signed_params = [[k, v] for k, v in sorted(signed.items())]
    return rpc_vector(f"diff-acsrpc-tea-{idx:04d}", "alibabacloud-tea-openapi==0.4.6", region, method, creds, ts, nonce,
                      all_params, sts, signature, signed_params, query, body, headers)


def rpc_vector(id_, sdk, region, method, creds, ts, nonce, params, sts, signature, signed_params, query, body, headers):
    host = "business.aliyuncs.com"
    tags = {method.lower()}
    if any(k.startswith("Parameter.1") and k.split(".")[1] == "10" for k, _ in signed_params) or any(
        k.startswith("Parameter.10.") for k, _ in signed_params
    ):
        tags.add("repeat-list-10")
    if body:
        tags.add("form-body")
    if creds.get("token"):
        tags.add("session-token")
    return {
        "id": id_,
        "source": "sdk",
        "sdk": sdk,
        "algorithm": "ACS-RPC-HMAC-SHA1",
        "api": {"service": "bssopenapi", "host": host, "path": "/", "action": "CreateInstance", "version": "2017-12-14",
                "region": region},
        "method": method,
        "credentials": creds,
        "timestamp": ts,
        "timestamp_iso": iso(ts),
        "nonce": nonce,
        "params": params,
        "tags": sorted(tags),
        "expected": {
            "string_to_sign": sts,
            "signature": signature,
            "signed_params": signed_params,
            "url": f"https://{host}/" + (f"?{query}" if query else ""),
            "query": query,
            "headers": headers,
            "body": body,
        },
    }


# ---------------------------------------------------------------------------------------------
# Alibaba Cloud V3 (ACS3-HMAC-SHA256): alibabacloud-tea-openapi get_authorization


def acs3_query(rng):
    q = {}
    if rng.random() < 0.1:
        for n in name_pair(rng):
            q[n] = adversarial(rng)
    for _ in range(rng.randint(0, 10)):
        name = rng.choice(["ClientToken", "Logistics", "ProductCode", "Period", "Name", "Value"]) + rng.choice(["", "1", "A"])
        if rng.random() < 0.35:
            name = adversarial_name(rng)
        if rng.random() < 0.1:
            name = rng.choice(["key", "Key", "KEY", "key.1", "key_1", "key-1", "key~1", "key1", "key10", "key2"])
        q[name] = adversarial(rng)
    if rng.random() < 0.2:
        for i, ch in enumerate(PUNCT):
            q[f"P{i:02d}"] = ch
    return q


def acs3_python(rng, idx):
    from alibabacloud_tea_openapi import utils_models
    from darabonba.runtime import RuntimeOptions
    from alibabacloud_tea_openapi.utils import Utils

    ts, creds, region, method = alibaba_call(rng)
    nonce = secret(rng, "0123456789abcdef", 32)
    style = rng.choice(["RPC", "ROA"])
    body_type = rng.choice(["none", "form", "json", "json-string"]) if method == "POST" else "none"
    query = acs3_query(rng)
    structured = bss_params(rng) if rng.random() < 0.4 else {}
    user_agent = rng.choice([None, None, "my-app/1.0", "trailing ", " spaced  out "])
    extra_headers = {}
    if rng.random() < 0.25:
        extra_headers = {rng.choice(["X-Acs-Custom", "x-acs-custom", "X-Custom-Header"]): adversarial(rng, allow_controls=False).strip("\t") or "v"}
    client = tea_client(creds, region, None, user_agent)
    body = None
    if body_type == "form":
        body = {**structured, **{k: v for k, v in list(query.items())[: len(query) // 2]}}
    elif body_type == "json":
        body = {"Data": [adversarial(rng) for _ in range(3)], "N": rng.choice([1, 2**63 - 1, 1.5, True]), **structured}
    elif body_type == "json-string":
        body = json.dumps({"k": adversarial(rng)}, ensure_ascii=False)
    q = Utils.query({**query, **(structured if body_type in ("none",) else {})})
    req = utils_models.OpenApiRequest(query=q, body=body, headers=dict(extra_headers) or None)
    # Generated ROA clients encode each path parameter (get_encode_path) before signing.
    pathname = "/" if style == "RPC" else "/" + "/".join(
        Utils.get_encode_path(rng.choice(["instances", "a b", "%41", "😀", "x~y*z", "'!()"])) for _ in range(rng.randint(0, 3)))
    p = utils_models.Params(action="CreateInstance", version="2017-12-14", protocol="HTTPS", pathname=pathname,
                            method=method, auth_type="AK", style=style,
                            req_body_type="json" if body_type.startswith("json") else "formData", body_type="json")
    with tea_capture(ts, nonce) as (spy, hashes):
        try:
            client.call_api(p, req, RuntimeOptions())
        except Captured as c:
            request = c.request
    wire_query, url = tea_wire(request)
    headers = dict(request.headers)
    auth = headers["Authorization"]
    canonical = hashes[-1].decode("utf-8")
    sts = text(spy.messages[-1])
    body_text = request.body if isinstance(request.body, str) else text(request.body or b"")
    tags = {method.lower(), style.lower()}
    if body_type != "none":
        tags.add(body_type + "-body")
    if creds.get("token"):
        tags.add("session-token")
    if extra_headers:
        tags.add("extra-header")
    if pathname != "/":
        tags.add("roa-path")
    return {
        "id": f"diff-acs3-py-{idx:04d}",
        "source": "sdk",
        "sdk": "alibabacloud-tea-openapi==0.4.6",
        "algorithm": "ACS3-HMAC-SHA256",
        "api": {"service": "bssopenapi", "host": "business.aliyuncs.com", "path": pathname, "action": "CreateInstance",
                "version": "2017-12-14", "region": region},
        "method": method,
        "credentials": creds,
        "timestamp": ts,
        "timestamp_iso": iso(ts),
        "nonce": nonce,
        "params": {"query": query, "structured": structured, "body": body, "headers": extra_headers, "user_agent": user_agent},
        "tags": sorted(tags),
        "expected": {
            "canonical_request": canonical,
            "hashed_canonical_request": sts.split("\n")[1],
            "hashed_payload": canonical.rsplit("\n", 1)[1],
            "signed_headers": auth.split("SignedHeaders=")[1].split(",")[0],
            "string_to_sign": sts,
            "signature": auth.rsplit("Signature=", 1)[1],
            "authorization": auth,
            "url": url,
            "query": wire_query,
            "headers": headers,
            "body": body_text,
        },
    }


# ---------------------------------------------------------------------------------------------
# Node SDKs: tencentcloud-sdk-nodejs-common (TC3) and @alicloud/openapi-util (ACS3, RPC)


def node_specs(rng, count):
    specs = []
    for i in range(count):
        kind = rng.choice(["tc3", "tc3", "acs3", "rpc"])
        if kind == "tc3":
            service, action, version = rng.choice(TC3_APIS)
            method = rng.choice(["GET", "POST"])
            host = f"{service}.tencentcloudapi.com"
            if rng.random() < 0.1:
                host += ":8443"
            specs.append({
                "kind": "tc3", "id": f"diff-tc3-node-{i:04d}", "service": service, "action": action, "version": version,
                "host": host, "method": method, "timestamp": timestamp(rng), "credentials": tencent_credentials(rng),
                "region": rng.choice(TC_REGIONS[:-1]), "language": rng.choice([None, "zh-CN", "en-US"]),
                "params": node_safe(tc3_params(rng, method)),
            })
        elif kind == "acs3":
            ts = timestamp(rng)
            specs.append({
                "kind": "acs3", "id": f"diff-acs3-node-{i:04d}", "method": rng.choice(["GET", "POST"]), "timestamp": ts,
                "timestamp_iso": iso(ts), "nonce": secret(rng, "0123456789abcdef-", 36),
                "credentials": alibaba_credentials(rng), "region": rng.choice(ALI_REGIONS),
                "query": {**acs3_query(rng), **flatten_1based(bss_params(rng))},
            })
        else:
            ts = timestamp(rng)
            specs.append({
                "kind": "rpc", "id": f"diff-acsrpc-node-{i:04d}", "method": rng.choice(["GET", "POST"]), "timestamp": ts,
                "timestamp_iso": iso(ts), "nonce": secret(rng, "0123456789abcdef-", 36),
                "credentials": alibaba_credentials(rng), "region": rng.choice(ALI_REGIONS),
                "query": {**{adversarial_name(rng): adversarial(rng) for _ in range(rng.randint(0, 4))},
                          **({n: plain_value(rng) for n in name_pair(rng)} if rng.random() < 0.2 else {}),
                          **flatten_1based(bss_params(rng))},
            })
    return specs


def node_safe(v):
    """JSON the Node SDK can take: integers beyond 2^53 stay exact only as BigInt, so drop them."""
    if isinstance(v, dict):
        return {k: node_safe(x) for k, x in v.items()}
    if isinstance(v, list):
        return [node_safe(x) for x in v]
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
        return 2**53 - 1
    if isinstance(v, float):
        return 1.5
    return v


def run_node(specs):
    out = subprocess.run(["node", str(NODE_ORACLE)], input=json.dumps(specs), capture_output=True, text=True,
                         cwd=ROOT, check=False)
    if out.returncode != 0:
        raise SystemExit(f"node oracle failed:\n{out.stderr}")
    vectors = json.loads(out.stdout)
    for v in vectors:
        div = divergence(v)
        if div:
            v["tags"] = sorted(set(v["tags"]) | {"divergence:" + div})
    # The same requests with the query as the SDK built it, before its URL parser escaped the
    # `'` that querystring.stringify leaves raw: a vector may record either.
    as_built = []
    for v in vectors:
        e = v["expected"]
        if v["algorithm"] == "TC3-HMAC-SHA256" and e.get("url_as_built", e["url"]) != e["url"]:
            b = json.loads(json.dumps(v))
            b["id"] += "-as-built"
            b["tags"] = sorted(set(b["tags"]) | {"query-as-built"})
            b["expected"]["url"] = e["url_as_built"]
            b["expected"]["query"] = e["url_as_built"].split("?", 1)[1] if "?" in e["url_as_built"] else ""
            as_built.append(b)
    return vectors + as_built


def divergence(v):
    """Where a Node SDK signs the same request differently from the Python SDKs, so that no
    signer given only the contract input can reproduce both (tests/differential/README.md)."""
    if v["algorithm"] == "TC3-HMAC-SHA256":
        return "node-host-without-port" if ":" in v["api"]["host"] else None
    names = [n for n, _ in v["expected"].get("signed_params", [])] or [
        k for k, _ in signed_params_pairs(v["expected"]["query"])]
    astral = any(ord(c) > 0xFFFF for n in names for c in n)
    high_bmp = any(0xE000 <= ord(c) <= 0xFFFF for n in names for c in n)
    if astral and high_bmp:
        return "utf16-name-order"
    return None


# ---------------------------------------------------------------------------------------------


GENERATORS = [
    ("TC3 python", tc3_python, 5),
    ("TC legacy qcloudapi", legacy_qcloud, 2),
    ("TC legacy tencentcloud-sdk-python", legacy_tcsdk, 2),
    ("ACS RPC aliyun-python-sdk-core", rpc_core, 2),
    ("ACS RPC tea-openapi", rpc_tea, 2),
    ("ACS3 tea-openapi", acs3_python, 4),
]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=20250101)
    ap.add_argument("--count", type=int, default=600, help="Python cases (Node adds a quarter more)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-node", action="store_true", help="only the Python SDKs")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    weights = sum(w for _, _, w in GENERATORS)
    vectors, counts = [], {}
    for name, gen, w in GENERATORS:
        n = max(1, args.count * w // weights)
        for i in range(n):
            # A separate stream per case keeps one case's draws from shifting every later case.
            case_rng = random.Random(f"{args.seed}/{name}/{i}")
            vectors.append(gen(case_rng, i))
        counts[name] = n
    if not args.no_node:
        specs = node_specs(rng, max(1, args.count // 4))
        node_vectors = run_node(specs)
        vectors.extend(node_vectors)
        counts["Node"] = len(node_vectors)
    algs = {}
    for v in vectors:
        algs[v["algorithm"]] = algs.get(v["algorithm"], 0) + 1
    doc = {
        "meta": {
            "generator": "tests/differential/gen_cases.py",
            "set": "differential",
            "seed": args.seed,
            "python_sdks": {l.split("==")[0]: l.split("==")[1] for l in REQUIREMENTS.read_text().split("\n")
                            if "==" in l and not l.startswith("#")},
            "fixed_tea_user_agent": FIXED_TEA_AGENT,
            "counts": algs,
            "total": len(vectors),
        },
        "vectors": vectors,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1))
    for name, n in counts.items():
        print(f"  {n:5d}  {name}", file=sys.stderr)
    print(f"{len(vectors)} cases -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    ensure_venv()
    main()
