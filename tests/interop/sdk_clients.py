"""The vendors' official Python clients against `cloudplay serve`, as an endpoint and as an
HTTP proxy: each gets a parsed success answer, and with a wrong secret its vendor's signature
error, without crashing.

Usage: python sdk_clients.py PORT [SNIPPETS]   (the server must be running on 127.0.0.1:PORT;
SNIPPETS: a folder of the playground's snippets for it, written by snippets.mjs, run as well)
Prints one line per case and 'N passed, M failed'; exits non-zero on any failure.
"""
import http.client
import json
import sys
import traceback
import uuid

PORT = int(sys.argv[1])
LOCAL = f"127.0.0.1:{PORT}"
PROXY = f"http://{LOCAL}"

# The simulator's built-in demo accounts (see the README): fake values, one per scenario.
ORDINARY = ("AKIDcloudplayDemoOrdinary00000001", "cloudplayDemoSecretOrdinary00001", None)
TEMPORARY = ("STS.cloudplayDemoTemporary0000005", "cloudplayDemoSecretTemporary0005", "cloudplayDemoSessionToken0005")
ARREARS = ("AKIDcloudplayDemoArrears000000003", "cloudplayDemoSecretArrears000003", None)
MODES = ("endpoint", "proxy")

results = []


def case(name):
    def wrap(fn):
        try:
            fn()
            results.append((name, None))
            print(f"ok   {name}", flush=True)
        except Exception:  # noqa: BLE001 - every failure, including SDK crashes, is reported
            results.append((name, traceback.format_exc()))
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
        return fn
    return wrap


def wrong(account):
    return (account[0], "not-the-secret", account[2])


# --- tencentcloud-sdk-python (API 3.0: ms, hai) ---------------------------------------------
from tencentcloud.common import credential  # noqa: E402
from tencentcloud.common.common_client import CommonClient  # noqa: E402
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException  # noqa: E402
from tencentcloud.common.profile.client_profile import ClientProfile  # noqa: E402
from tencentcloud.common.profile.http_profile import HttpProfile  # noqa: E402


def tencent(service, version, account, mode, method="POST", sign="TC3-HMAC-SHA256", unsigned=False, region="ap-guangzhou"):
    cred = credential.Credential(account[0], account[1], account[2]) if account[2] else credential.Credential(account[0], account[1])
    hp = HttpProfile(protocol="http", reqMethod=method)
    if mode == "endpoint":
        hp.endpoint = LOCAL
    else:
        hp.endpoint = f"{service}.tencentcloudapi.com"
        hp.proxy = PROXY
    cp = ClientProfile(signMethod=sign, httpProfile=hp)
    cp.unsignedPayload = unsigned
    return CommonClient(service, version, cred, region, profile=cp)


MS = {"Pid": 13624, "TimeUnit": "m", "TimeSpan": 6, "ResourceNum": 2}
HAI = {"ApplicationId": "app-jknfna", "BundleType": "XL", "SystemDisk": {"DiskType": "CLOUD_PREMIUM", "DiskSize": 250}, "InstanceName": "interop"}

for mode in MODES:
    for method, sign, unsigned, account in [
        ("POST", "TC3-HMAC-SHA256", False, ORDINARY),
        ("GET", "TC3-HMAC-SHA256", False, ORDINARY),
        ("POST", "TC3-HMAC-SHA256", True, ORDINARY),
        ("POST", "TC3-HMAC-SHA256", False, TEMPORARY),
        ("POST", "HmacSHA256", False, ORDINARY),
    ]:
        label = f"tencentcloud-sdk-python ms {method} {sign}{' unsigned payload' if unsigned else ''}{' session token' if account[2] else ''} ({mode})"

        @case(label)
        def _(mode=mode, method=method, sign=sign, unsigned=unsigned, account=account):
            out = tencent("ms", "2018-04-08", account, mode, method, sign, unsigned).call_json("CreateResourceInstances", MS)
            ids = out["Response"]["ResourceSet"]
            assert len(ids) == 2 and all(i.startswith("mspro_") for i in ids), out
            assert out["Response"]["RequestId"]

    for method in ("POST", "GET"):
        @case(f"tencentcloud-sdk-python hai RunInstances {method} ({mode})")
        def _(mode=mode, method=method):
            params = dict(HAI, ClientToken=str(uuid.uuid4()))
            out = tencent("hai", "2023-08-12", ORDINARY, mode, method).call_json("RunInstances", params)
            ids = out["Response"]["InstanceIdSet"]
            assert len(ids) == 1 and ids[0].startswith("hai-"), out

    @case(f"tencentcloud-sdk-python hai business error is raised with its code ({mode})")
    def _(mode=mode):
        try:
            tencent("hai", "2023-08-12", ARREARS, mode).call_json("RunInstances", HAI)
        except TencentCloudSDKException as e:
            assert e.code == "FailedOperation.ArrearsAccountCannotRunInstances", e
            assert e.requestId
        else:
            raise AssertionError("no exception")

    for service, version, action, params in [("ms", "2018-04-08", "CreateResourceInstances", MS), ("hai", "2023-08-12", "RunInstances", HAI)]:
        @case(f"tencentcloud-sdk-python {service} wrong secret is AuthFailure.SignatureFailure ({mode})")
        def _(mode=mode, service=service, version=version, action=action, params=params):
            try:
                tencent(service, version, wrong(ORDINARY), mode).call_json(action, params)
            except TencentCloudSDKException as e:
                assert e.code == "AuthFailure.SignatureFailure", e
            else:
                raise AssertionError("no exception")


# --- qcloudapi-sdk-python (API 2.0: postgres) -------------------------------------------------
# The SDK only speaks HTTPS (its proxy support is a CONNECT tunnel), so its transport is swapped
# for plain HTTP here; signing, parameters and the answer handling stay the SDK's own.
import QcloudApi.common.request as qcloud_request  # noqa: E402
from QcloudApi.qcloudapi import QcloudApi  # noqa: E402


class PlainHTTP(http.client.HTTPConnection):
    proxy = None

    def __init__(self, host, port=None):
        self.request_host = host
        self.request_length = 0
        if PlainHTTP.proxy:
            http.client.HTTPConnection.__init__(self, PlainHTTP.proxy)
        else:
            http.client.HTTPConnection.__init__(self, host, port)

    def request(self, method, url, body=None, headers={}):  # noqa: B006 - the SDK's own signature
        if PlainHTTP.proxy:
            url = f"http://{self.request_host}{url}"
        http.client.HTTPConnection.request(self, method, url, body, headers)


qcloud_request.MyHTTPSConnection = PlainHTTP

PG = {
    "RegionId": 1, "ZoneId": 100002, "ProjectId": 0, "SpecCode": "cdb.pg.c1.1g", "DBVersion": "9.3.5", "Storage": 10,
    "Number": 1, "TimeSpan": 10, "TimeUnit": "m", "MasterIp": "127.0.0.2", "SlaveIp": "127.0.0.3", "Operator": "120000746388",
}


def qcloud(account, mode, method, sign):
    PlainHTTP.proxy = LOCAL if mode == "proxy" else None
    config = {"Region": "ap-guangzhou", "secretId": account[0], "secretKey": account[1], "method": method,
              "SignatureMethod": sign, "Version": "2017-03-12"}
    if mode == "endpoint":
        config["endpoint"] = LOCAL
    return QcloudApi("postgres", config)


for mode in MODES:
    for method in ("GET", "POST"):
        for sign in ("HmacSHA1", "HmacSHA256"):
            @case(f"qcloudapi-sdk-python postgres {method} {sign} ({mode})")
            def _(mode=mode, method=method, sign=sign):
                out = json.loads(qcloud(ORDINARY, mode, method, sign).call("CreateResource", PG))
                r = out["Response"]
                assert isinstance(r["TaskId"], int) and r["ResourceIdList"][0].startswith("postgres-"), out

    @case(f"qcloudapi-sdk-python postgres wrong secret is code 4100 ({mode})")
    def _(mode=mode):
        out = json.loads(qcloud(wrong(ORDINARY), mode, "GET", "HmacSHA256").call("CreateResource", PG))
        assert out["code"] == 4100, out

    @case(f"qcloudapi-sdk-python postgres service error is ParamsAssertError ({mode})")
    def _(mode=mode):
        out = json.loads(qcloud(ORDINARY, mode, "POST", "HmacSHA1").call("CreateResource", dict(PG, ZoneId=999)))
        assert out["Response"]["Error"]["Code"] == "ParamsAssertError", out


# --- aliyun-python-sdk-core (RPC v1: BSS) -----------------------------------------------------
from aliyunsdkbssopenapi.request.v20171214.CreateInstanceRequest import CreateInstanceRequest  # noqa: E402
from aliyunsdkcore.acs_exception.exceptions import ServerException  # noqa: E402
from aliyunsdkcore.auth.credentials import AccessKeyCredential, StsTokenCredential  # noqa: E402
from aliyunsdkcore.client import AcsClient  # noqa: E402


def core_client(account, mode, vendor_host):
    """An AcsClient pointed at the server as its endpoint or its proxy, and the host to send to."""
    cred = StsTokenCredential(*account) if account[2] else AccessKeyCredential(account[0], account[1])
    if mode == "endpoint":
        return AcsClient(region_id="cn-hangzhou", credential=cred, port=PORT, auto_retry=False), "127.0.0.1"
    return AcsClient(region_id="cn-hangzhou", credential=cred, auto_retry=False, proxy={"http": PROXY}), vendor_host


def core_call(account, mode, product="oss"):
    client, host = core_client(account, mode, "business.aliyuncs.com")
    req = CreateInstanceRequest()
    req.set_protocol_type("http")
    req.set_endpoint(host)
    req.set_accept_format("JSON")
    req.set_ProductCode(product)
    req.set_SubscriptionType("Subscription")
    req.set_Period(12)
    req.set_ClientToken(str(uuid.uuid4()))
    req.set_Parameters([{"Code": "InstanceType", "Value": "disk"}, {"Code": "Region", "Value": "cn-hangzhou"}])
    return json.loads(client.do_action_with_exception(req))


for mode in MODES:
    for account in (ORDINARY, TEMPORARY):
        @case(f"aliyun-python-sdk-core bss CreateInstance{' STS token' if account[2] else ''} ({mode})")
        def _(mode=mode, account=account):
            out = core_call(account, mode)
            assert out["Success"] is True and out["Data"]["InstanceId"].startswith("OSSBAG-cn-"), out

    @case(f"aliyun-python-sdk-core wrong secret is a signature error, no crash ({mode})")
    def _(mode=mode):
        try:
            core_call(wrong(ORDINARY), mode)
        except ServerException as e:
            # The SDK compares the server's string to sign with its own and, finding them equal,
            # relabels SignatureDoesNotMatch as InvalidAccessKeySecret.
            assert e.get_http_status() == 400, e
            assert e.get_error_code() in ("SignatureDoesNotMatch", "InvalidAccessKeySecret"), e
        else:
            raise AssertionError("no exception")

    @case(f"aliyun-python-sdk-core order pre-check error is code 400 ({mode})")
    def _(mode=mode):
        try:
            core_call(ORDINARY, mode, product="ecs")
        except ServerException as e:
            assert (e.get_http_status(), e.get_error_code()) == (400, "400"), e
        else:
            raise AssertionError("no exception")


# --- alibabacloud-tea-openapi (ACS3 and RPC v1: BSS) ------------------------------------------
from alibabacloud_bssopenapi20171214 import models as bss_models  # noqa: E402
from alibabacloud_bssopenapi20171214.client import Client as BssClient  # noqa: E402
from alibabacloud_tea_openapi.exceptions import ClientException  # noqa: E402
from alibabacloud_tea_openapi.models import Config  # noqa: E402


def tea_call(account, mode, algorithm):
    cfg = Config(access_key_id=account[0], access_key_secret=account[1], security_token=account[2], protocol="http")
    if mode == "endpoint":
        cfg.endpoint = LOCAL
    else:
        cfg.endpoint = "business.aliyuncs.com"
        cfg.http_proxy = PROXY
    if algorithm == "rpc":
        cfg.signature_algorithm = "v2"
    req = bss_models.CreateInstanceRequest(
        product_code="oss", subscription_type="PayAsYouGo", client_token=str(uuid.uuid4()),
        parameter=[bss_models.CreateInstanceRequestParameter(code="InstanceType", value="disk")],
    )
    return BssClient(cfg).create_instance(req)


for mode in MODES:
    for algorithm in ("acs3", "rpc"):
        for account in (ORDINARY, TEMPORARY):
            @case(f"alibabacloud-tea-openapi bss {algorithm}{' STS token' if account[2] else ''} ({mode})")
            def _(mode=mode, algorithm=algorithm, account=account):
                resp = tea_call(account, mode, algorithm)
                assert resp.status_code == 200 and resp.body.success is True, resp.body
                assert resp.body.data.order_id and resp.body.data.instance_id.startswith("OSSBAG-cn-"), resp.body

        @case(f"alibabacloud-tea-openapi {algorithm} wrong secret is SignatureDoesNotMatch ({mode})")
        def _(mode=mode, algorithm=algorithm):
            try:
                tea_call(wrong(ORDINARY), mode, algorithm)
            except ClientException as e:
                assert e.code == "SignatureDoesNotMatch" and e.status_code == 400, e
            else:
                raise AssertionError("no exception")

# --- APIs added as data: the server runs with --specs tests/interop/added-specs.json ----------
# The SDKs' generic clients call them as they would any API the SDK has no model of.
from aliyunsdkcore.request import CommonRequest  # noqa: E402
from alibabacloud_tea_openapi.client import Client as OpenApiClient  # noqa: E402
from alibabacloud_tea_openapi import utils_models as open_api_models  # noqa: E402
from darabonba.runtime import RuntimeOptions  # noqa: E402


def regions_v1(mode, resource_type):
    client, host = core_client(ORDINARY, mode, "ecs.aliyuncs.com")
    req = CommonRequest(domain=host, version="2014-05-26", action_name="DescribeRegions")
    req.set_protocol_type("http")
    req.set_accept_format("JSON")
    req.add_query_param("ResourceType", resource_type)
    return json.loads(client.do_action_with_exception(req))


def regions_acs3(mode, resource_type):
    cfg = Config(access_key_id=ORDINARY[0], access_key_secret=ORDINARY[1], protocol="http")
    if mode == "endpoint":
        cfg.endpoint = LOCAL
    else:
        cfg.endpoint = "ecs.aliyuncs.com"
        cfg.http_proxy = PROXY
    params = open_api_models.Params(action="DescribeRegions", version="2014-05-26", protocol="HTTP", pathname="/",
                                    method="POST", auth_type="AK", style="RPC", req_body_type="formData", body_type="json")
    request = open_api_models.OpenApiRequest(query={"ResourceType": resource_type})
    return OpenApiClient(cfg).call_api(params, request, RuntimeOptions())


for mode in MODES:
    @case(f"tencentcloud-sdk-python cvm DescribeZones, added with --specs ({mode})")
    def _(mode=mode):
        out = tencent("cvm", "2017-03-12", ORDINARY, mode).call_json("DescribeZones", {})
        # The answer is the spec's documented example, with a fresh RequestId.
        r = out["Response"]
        assert "Error" not in r and r["ZoneSet"][0]["Zone"] == "ap-guangzhou-3" and r["TotalCount"] == 1, out
        assert r["RequestId"] and r["RequestId"] != "documented-request-id", out

    @case(f"tencentcloud-sdk-python cvm DescribeZones without a region is refused as the spec says ({mode})")
    def _(mode=mode):
        try:
            tencent("cvm", "2017-03-12", ORDINARY, mode, region="").call_json("DescribeZones", {})
        except TencentCloudSDKException as e:
            assert e.code == "MissingParameter" and "Region" in e.message, e
        else:
            raise AssertionError("no exception")

    @case(f"aliyun-python-sdk-core ecs DescribeRegions, added with --specs ({mode})")
    def _(mode=mode):
        out = regions_v1(mode, "instance")
        assert out["RequestId"] != "documented-request-id" and "Code" not in out, out
        assert out["Regions"]["Region"][0]["RegionId"] == "cn-hangzhou", out

    @case(f"aliyun-python-sdk-core ecs DescribeRegions with a value outside the spec's list ({mode})")
    def _(mode=mode):
        try:
            regions_v1(mode, "ship")
        except ServerException as e:
            assert e.get_http_status() == 400 and e.get_error_code().startswith("InvalidParameter"), e
            assert "ResourceType" in e.get_error_msg(), e
        else:
            raise AssertionError("no exception")

    @case(f"alibabacloud-tea-openapi ACS3 ecs DescribeRegions, added with --specs ({mode})")
    def _(mode=mode):
        resp = regions_acs3(mode, "disk")
        assert resp["statusCode"] == 200 and resp["body"]["Regions"]["Region"][0]["Status"] == "available", resp

# --- the playground's snippets (tests/interop/snippets.mjs wrote them) ------------------------
# Run as a user copies them: credentials from the environment, the endpoint http://127.0.0.1:PORT.
if len(sys.argv) > 2:
    import os
    import subprocess

    env = dict(os.environ, TENCENTCLOUD_SECRET_ID=ORDINARY[0], TENCENTCLOUD_SECRET_KEY=ORDINARY[1],
               ALIBABA_CLOUD_ACCESS_KEY_ID=ORDINARY[0], ALIBABA_CLOUD_ACCESS_KEY_SECRET=ORDINARY[1])
    for name in sorted(os.listdir(sys.argv[2])):
        @case(f"snippet {name} against cloudplay serve")
        def _(name=name):
            path = os.path.join(sys.argv[2], name)
            runner = sys.executable if name.endswith(".py") else "node"
            run = subprocess.run([runner, path], env=env, capture_output=True, text=True, timeout=60)
            assert run.returncode == 0 and not run.stderr, run.stderr or run.stdout
            if name.endswith(".py"):
                out = json.loads(run.stdout)
                answer = out.get("Response", out)
                assert "Error" not in answer and answer.get("Success", True) is True, out
                assert answer["RequestId"], out
            else:  # the Node SDK prints the Response object as util.inspect writes it
                assert "RequestId:" in run.stdout and "Error" not in run.stdout, run.stdout

failed = [n for n, err in results if err]
print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
sys.exit(1 if failed else 0)
