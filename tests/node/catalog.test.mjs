// catalog, search, describe, importTccli and importAlibabaMeta in the packed package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { existsSync } from "node:fs";
import { catalog, search, describe, importTccli, importAlibabaMeta, validate, addSpecs, prepare, simulate } from "cloudplay";
import { FIXTURES, tccliDirs, alibabaBundle, DEMO_CREDENTIALS } from "./helpers.mjs";

const SEEDS = [
  "ms/2018-04-08/CreateResourceInstances",
  "postgres/2017-03-12/CreateResource",
  "hai/2023-08-12/RunInstances",
  "bssopenapi/2017-12-14/CreateInstance",
];

test("the catalog lists the four seed APIs", () => {
  const ids = catalog().map((a) => a.id);
  for (const id of SEEDS) assert.ok(ids.includes(id), id);
  const hai = catalog().find((a) => a.id === "hai/2023-08-12/RunInstances");
  assert.equal(hai.style, "tencent-api3");
  assert.ok(hai.title.en && hai.title.zh);
  // ms CreateResourceInstances is the one tccli marks deprecated; catalog and describe say so.
  assert.deepEqual(catalog().filter((a) => SEEDS.includes(a.id) && a.deprecated).map((a) => a.id), [SEEDS[0]]);
  assert.equal(describe(SEEDS[0]).deprecated, true);
  assert.equal(describe(SEEDS[2]).deprecated, undefined);
});

test("search finds APIs by English and Chinese words", () => {
  assert.deepEqual(search("RunInstances").map((a) => a.id), ["hai/2023-08-12/RunInstances"]);
  assert.ok(search("bssopenapi").some((a) => a.action === "CreateInstance"));
  const zh = describe("hai/2023-08-12/RunInstances").title.zh;
  assert.ok(search(zh).some((a) => a.product === "hai"), zh);
  assert.deepEqual(search("no-such-api-anywhere"), []);
  // By vendor and by the product's own name, as people who do not know the code look.
  assert.deepEqual(search("阿里云").map((a) => a.product), ["bssopenapi"]);
  assert.deepEqual(search("Tencent Cloud PostgreSQL").map((a) => a.product), ["postgres"]);
  assert.equal(describe("postgres/2017-03-12/CreateResource").product_name.zh, "云数据库 PostgreSQL");
});

test("describe returns the parameter tree, docs, errors and examples", () => {
  const hai = describe("hai/2023-08-12/RunInstances");
  const disk = hai.params.find((p) => p.name === "SystemDisk");
  assert.equal(disk.type, "object");
  assert.deepEqual(disk.fields.map((f) => f.name).sort(), ["DiskName", "DiskSize", "DiskType"]);
  assert.deepEqual(disk.fields.find((f) => f.name === "DiskType").allowed, ["CLOUD_PREMIUM", "CLOUD_HSSD"]);
  assert.ok(hai.errors.some((e) => e.code === "InvalidParameterValue.InvalidInstanceCount"));
  assert.ok(hai.examples.length >= 1);
  for (const id of SEEDS) {
    for (const ex of describe(id).examples) {
      assert.deepEqual(validate({ api: id, params: ex.params, region: ex.region }), [], `${id} example`);
    }
  }
  // The argument's own name, for a wrong type and for an unknown id alike.
  assert.throws(() => describe("nope/1/Nope"), (e) => e.code === "UnknownApi" && e.path === "apiId");
  assert.throws(() => describe(42), (e) => e.code === "InvalidField" && e.path === "apiId");
  // A catalog entry passed whole: told to pass its id.
  assert.throws(() => describe(catalog()[0]), (e) => e.path === "apiId" && /entry\.id/.test(e.message));
  assert.throws(() => search(5), (e) => e.code === "InvalidField" && e.path === "query");
  assert.ok(search("").length >= 4);
});

test("importTccli adds every action of the four tccli files", () => {
  const want = { "cvm-2017-03-12": 106, "hai-2023-08-12": 26, "ms-2018-04-08": 23, "postgres-2017-03-12": 130 };
  for (const dir of tccliDirs()) {
    const report = importTccli(dir.api, dir.examples);
    // A seed API keeps its curated spec; the report says so.
    const seed = { "hai-2023-08-12": "RunInstances", "ms-2018-04-08": "CreateResourceInstances" }[dir.name];
    const skipped = report.skipped;
    assert.deepEqual(skipped.map((s) => s.action), seed ? [seed] : [], dir.name);
    assert.ok(skipped.every((s) => s.reason.startsWith("built in")), JSON.stringify(skipped));
    assert.equal(report.added.length + skipped.length, want[dir.name], dir.name);
  }
  const hai = describe("hai/2023-08-12/RunInstances");
  assert.ok(hai.errors.length >= 20 && hai.description.en && hai.description.zh);
  const ids = catalog().map((a) => a.id);
  assert.ok(ids.includes("cvm/2017-03-12/DescribeInstances"));
  // An imported product is found by the name tccli gives it.
  assert.equal(describe("cvm/2017-03-12/DescribeInstances").product_name.zh, "云服务器");
  assert.ok(search("云服务器 DescribeInstances").some((a) => a.id === "cvm/2017-03-12/DescribeInstances"));
  assert.ok(describe("cvm/2017-03-12/RunInstances").params.length > 10);
  // tccli's documents are HTML; a spec's docs are the text they read as, links with their address.
  const docs = [];
  const walk = (params) => params?.forEach((p) => (docs.push(p.doc?.zh ?? ""), walk(p.fields), walk(p.items ? [p.items] : [])));
  for (const id of ids.filter((i) => i.startsWith("cvm/"))) {
    const spec = describe(id);
    docs.push(spec.description.zh);
    walk(spec.params);
  }
  assert.deepEqual(docs.filter((d) => /<\/?(li|p|br|a|strong|code)\b|&(lt|gt|amp|quot);/.test(d)).slice(0, 3), []);
  assert.ok(docs.some((d) => d.includes("\n• ")), "list items are lines of their own");
  assert.ok(docs.some((d) => /\(https:\/\/cloud\.tencent\.com\/document\//.test(d)), "a link keeps its address");
  // Objects are accepted as well as JSON text; bad input is an error, not a crash.
  assert.throws(() => importTccli("{]"), (e) => e.code === "InvalidJson");
  assert.throws(() => importTccli(undefined), (e) => e.code === "MissingField" && e.path === "apiJson");
  assert.throws(() => importTccli({ actions: 5 }), (e) => typeof e.code === "string");
  // An examples file of another shape, or another service's, is refused: importing it as
  // "no examples" would have replaced the examples already imported with none.
  const dirs = tccliDirs();
  const cvm = dirs.find((d) => d.name === "cvm-2017-03-12");
  const other = dirs.find((d) => d.name === "postgres-2017-03-12");
  const before = describe("cvm/2017-03-12/DescribeInstances").examples.length;
  assert.ok(before > 0);
  for (const [examples, path] of [[{ actions: 5 }, "examplesJson.actions"], ["[]", "examplesJson.actions"], [{ actions: { DescribeInstances: "x" } }, "examplesJson.actions.DescribeInstances"], [other.examples, "examplesJson.actions"]]) {
    assert.throws(() => importTccli(cvm.api, examples), (e) => e.code === "InvalidSpec" && e.path === path && /examples/.test(e.message), path);
  }
  assert.equal(describe("cvm/2017-03-12/DescribeInstances").examples.length, before);
});

test("an import reads a file's bytes as its text, and says which file a swapped or foreign one is", () => {
  const cvm = tccliDirs().find((d) => d.name === "cvm-2017-03-12");
  const text = importTccli(cvm.api, cvm.examples);
  // readFileSync without an encoding gives a Buffer; fetch's arrayBuffer() an ArrayBuffer.
  const bytes = Buffer.from(cvm.api);
  assert.deepEqual(importTccli(bytes, Buffer.from(cvm.examples)), text);
  assert.deepEqual(importTccli(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)), text);
  assert.throws(() => importTccli(Uint8Array.of(0x7b, 0xff, 0x7d)), (e) => e.code === "InvalidJson" && e.path === "apiJson" && /not UTF-8/.test(e.message));
  // tccli's examples.json first, or an Alibaba bundle: said which it is, and what to do.
  assert.throws(() => importTccli(cvm.examples, cvm.api), (e) => e.code === "InvalidSpec" && e.path === "metadata" && /this is an examples\.json; pass the api\.json first/.test(e.message)
    && /这是 examples\.json；请先给 api\.json/.test(e.message_zh));
  // Said in Chinese as well, for a page in Chinese: a file's name where its contents go.
  assert.throws(() => importTccli("cvm/api.json"), (e) => e.code === "InvalidJson" && /file's name/.test(e.message) && /这是文件名/.test(e.message_zh));
  const dir = join(FIXTURES, "alibaba");
  const bundle = alibabaBundle(dir, "demoshop", "2024-01-01", [join(dir, "products.demoshop.json")]);
  assert.throws(() => importTccli(bundle), (e) => e.path === "metadata" && /give it to importAlibabaMeta/.test(e.message));
  assert.deepEqual(importAlibabaMeta(Buffer.from(JSON.stringify(bundle))).added, ["demoshop/2024-01-01/CreateOrder"]);
  // The other way round, or one action's file where the bundle goes.
  assert.throws(() => importAlibabaMeta(cvm.api), (e) => e.path === "product" && /give it to importTccli/.test(e.message));
  assert.throws(() => importAlibabaMeta(bundle.actions.metadatas[0]), (e) => e.path === "product" && /this is one action's file; bundle it/.test(e.message));
});

test("importAlibabaMeta adds RPC actions from aliyun-openapi-meta files", () => {
  const dir = join(FIXTURES, "alibaba");
  const bundle = alibabaBundle(dir, "demoshop", "2024-01-01", [join(dir, "products.demoshop.json")]);
  const report = importAlibabaMeta(bundle);
  assert.deepEqual(report.added, ["demoshop/2024-01-01/CreateOrder"]);
  // The ROA action and the one with a type not guessed, each with why; ListThings, in the
  // index without a file, is no news.
  assert.deepEqual(report.skipped.map((s) => s.action).sort(), ["GetRoute", "Inspect"]);
  // Each reason in English and in Chinese.
  for (const s of report.skipped) assert.ok(s.reason && /[\u4e00-\u9fff]/.test(s.reason_zh), JSON.stringify(s));
  assert.equal(describe("demoshop/2024-01-01/CreateOrder").style, "alibaba-rpc");
  // A JS number past 2^53 is a float like any other where the spec says Float (Price is a
  // Double); where it says integer, at the top or inside a list, its lost digits are refused.
  const order = (params) => ({ api: "demoshop/2024-01-01/CreateOrder", params: { ItemCode: "A1", ...params } });
  assert.deepEqual(validate(order({ Price: 1e21 })), []);
  assert.deepEqual(validate(order({ Price: 2 ** 60 })), []);
  // Each a violation at its own path, as a form shows it.
  const lossy = (params) => validate(order(params)).map((v) => [v.path, v.code]);
  assert.deepEqual(lossy({ Budget: 2 ** 60 }), [["Budget", "InvalidParameter"]]);
  assert.deepEqual(lossy({ Line: [{ Sku: "x", Count: 1 }, { Sku: "y", Count: 1e21 }] }), [["Line[1].Count", "InvalidParameter"]]);
  // A member the spec does not know is read as an integer would be.
  assert.deepEqual(lossy({ Address: { City: "x", Floor: 2 ** 60 } }), [["Address.Floor", "InvalidParameter"]]);
  const real = process.env.CLOUDPLAY_ALIBABA_META_DIR;
  if (real && existsSync(real)) {
    const b = alibabaBundle(real, "bssopenapi", "2017-12-14", [join(real, "extracts/products.metadatas.BssOpenApi.json")]);
    // CreateInstance is a seed API: the import keeps the curated spec, and says so.
    const r = importAlibabaMeta(JSON.stringify(b));
    // Its index lists every action of the product; only CreateInstance's files are here, and
    // the others are not reported as skipped.
    assert.ok(Object.keys(b.index["en-US"]?.apis ?? b.index["en-US"] ?? {}).length > 1);
    assert.deepEqual(r.skipped.map((s) => s.action), ["CreateInstance"]);
    assert.ok(r.skipped.some((s) => s.action === "CreateInstance" && s.reason.startsWith("built in")), JSON.stringify(r.skipped));
    assert.ok(!r.added.includes("bssopenapi/2017-12-14/CreateInstance"));
  }
  assert.throws(() => importAlibabaMeta("[]"), (e) => e instanceof Error && typeof e.code === "string");
});

test("addSpecs takes specs as describe gives them: a new API is data, kept or written by hand", () => {
  // Kept from describe (as a tool would cache an import), under another product name.
  const copy = { ...structuredClone(describe("hai/2023-08-12/RunInstances")), product: "haicopy" };
  const report = addSpecs(copy);
  assert.deepEqual(report, { added: ["haicopy/2023-08-12/RunInstances"], skipped: [] });
  assert.deepEqual(describe("haicopy/2023-08-12/RunInstances"), copy);
  // Written by hand: the least a spec needs, then validated, signed and answered like any other.
  const ping = {
    product: "demo", version: "2024-01-01", action: "Ping", style: "tencent-api3",
    endpoints: { default: "demo.tencentcloudapi.com", path: "/" }, methods: ["POST"], content_types: ["application/json"],
    algorithms: ["TC3-HMAC-SHA256"], params: [{ name: "Message", type: "string", required: true }],
  };
  assert.deepEqual(addSpecs(JSON.stringify([ping])).added, ["demo/2024-01-01/Ping"]);
  const call = { api: "demo/2024-01-01/Ping", params: {} };
  assert.deepEqual(validate(call).map((v) => [v.path, v.code]), [["Message", "MissingParameter"]]);
  const signed = prepare({ ...call, params: { Message: "hi" } }, DEMO_CREDENTIALS, { timestamp: 1700000000 });
  assert.equal(signed.request.host, "demo.tencentcloudapi.com");
  assert.equal(typeof simulate(signed.request, { now: 1700000000 }).status, "number");
  // A bad spec is named by its place, and the good ones beside it are not added.
  const other = { ...ping, action: "Pong" };
  assert.throws(() => addSpecs([other, { ...ping, action: "Pang", methods: ["PUT"] }]), (e) => e.code === "InvalidSpec" && e.path === "specs[1].methods[0]" && /PUT/.test(e.message));
  assert.throws(() => describe("demo/2024-01-01/Pong"), (e) => e.code === "UnknownApi");
  assert.throws(() => addSpecs(5), (e) => e.code === "InvalidSpec");
  assert.throws(() => addSpecs(undefined), (e) => e.code === "MissingField" && e.path === "specs");
});

test("an imported example's 64-bit id stays exact: describe gives it as a decimal string, which validates", () => {
  const api = {
    metadata: { apiVersion: "2024-02-02", serviceShortName: "bigid", serviceNameCN: "大整数" },
    actions: { StopTask: { name: "停止", document: "d", input: "StopTaskRequest", output: "StopTaskResponse", status: "online" } },
    objects: {
      StopTaskRequest: { members: [{ name: "TaskId", type: "int", member: "uint64", required: true, document: "任务 ID。" }] },
      StopTaskResponse: { members: [{ name: "RequestId", type: "string", member: "string", document: "" }] },
    },
  };
  // The vendor's example body as examples.json carries it: JSON text, the id written in full.
  const examples = {
    actions: { StopTask: [{ title: "t", document: "", input: 'POST / HTTP/1.1\nHost: bigid.tencentcloudapi.com\n<公共请求参数>\n\n{"TaskId": 446192236330927912}', output: '{"Response": {"RequestId": "r"}}' }] },
  };
  importTccli(JSON.stringify(api), JSON.stringify(examples));
  const [example] = describe("bigid/2024-02-02/StopTask").examples;
  assert.equal(example.params.TaskId, "446192236330927912");
  assert.deepEqual(validate({ api: "bigid/2024-02-02/StopTask", params: example.params, region: "ap-guangzhou" }), []);
  // Integers a JS number holds stay numbers; bounds stay numbers whatever their size.
  assert.equal(describe("hai/2023-08-12/RunInstances").examples[0].params.SystemDisk.DiskSize, 250);
});
