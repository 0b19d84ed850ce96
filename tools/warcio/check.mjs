// Reads WARC files with warcio (webrecorder's reader, independent of jwarc) and checks them:
//  - every record parses, with no warning printed by warcio;
//  - every block digest and every response payload digest matches the bytes warcio read;
//  - every payload listed in an "expected-payloads.tsv" beside the files (URL, record type,
//    SHA-256 of the bytes the test server sent) is found byte for byte.
// Usage: node check.mjs DIR...   Exit code 0 when all is well, 1 otherwise.
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { WARCParser } from "warcio";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function base32(bytes) {
  let bits = 0, value = 0, out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

const ALGOS = { sha1: "sha1", sha256: "sha256", sha512: "sha512", md5: "md5" };
function digestMatches(label, bytes) {
  const colon = label.indexOf(":");
  const algo = ALGOS[label.slice(0, colon).toLowerCase().replace("-", "")];
  if (!algo) return false;
  const hash = createHash(algo).update(bytes).digest();
  const value = label.slice(colon + 1).replace(/=+$/, "");
  return value.toUpperCase() === base32(hash) || value.toLowerCase() === hash.toString("hex");
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

let problems = 0;
const warnings = [];
const realWarn = console.warn;
console.warn = (...args) => warnings.push(args.join(" "));
function problem(msg) {
  problems++;
  console.log("FAIL " + msg);
}

async function readRecords(file, parseHttp) {
  const records = [];
  const parser = new WARCParser(createReadStream(file), { parseHttp });
  for await (const record of parser) {
    const bytes = await record.readFully(false);
    records.push({ record, bytes });
  }
  return records;
}

function warcFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) found.push(...warcFiles(p));
    else if (name.endsWith(".warc.gz") || name.endsWith(".warc")) found.push(p);
  }
  return found.sort();
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  realWarn("usage: node check.mjs DIR...");
  process.exit(2);
}
const cli = path.join(path.dirname(fileURLToPath(import.meta.url)),
  "node_modules", "warcio", "dist", "cli.js");

// Our CDXJ index beside a file must agree with the one warcio makes of it: same keys,
// timestamps, statuses, digests, offsets and lengths.
function checkIndex(file) {
  const ours = file.replace(/\.warc\.gz$/, ".cdxj");
  if (!existsSync(ours)) return 0;
  const fields = (line) => {
    const [key, ts, json] = [line.split(" ", 2)[0], line.split(" ", 2)[1],
      line.slice(line.indexOf("{"))];
    const j = JSON.parse(json);
    return [key, ts, j.url, j.status, j.digest, j.offset, j.length].join(" ");
  };
  const theirs = execFileSync("node", [cli, "cdx-index", file], { encoding: "utf8" })
    .split("\n").filter((l) => l.trim()).map(fields).sort();
  const mine = readFileSync(ours, "utf8").split("\n").filter((l) => l.trim()).map(fields).sort();
  if (JSON.stringify(theirs) !== JSON.stringify(mine)) {
    problem(`${ours}: differs from warcio's index:\n  ours:   ${mine.join("\n          ")}`
      + `\n  warcio: ${theirs.join("\n          ")}`);
  }
  return mine.length;
}

let files = 0, records = 0, expectations = 0, indexLines = 0;
const seenByDir = new Map();
for (const dir of dirs) {
  for (const file of warcFiles(dir)) {
    files++;
    const before = warnings.length;
    let blocks, payloads;
    try {
      blocks = await readRecords(file, false);
      payloads = await readRecords(file, true);
    } catch (e) {
      problem(`${file}: warcio cannot read it: ${e.message}`);
      continue;
    }
    for (const w of warnings.slice(before)) problem(`${file}: warcio warned: ${w}`);
    if (blocks.length !== payloads.length || blocks.length === 0) {
      problem(`${file}: ${blocks.length} records read raw, ${payloads.length} with HTTP parsed`);
      continue;
    }
    if (blocks[0].record.warcType !== "warcinfo") problem(`${file}: first record is not warcinfo`);
    indexLines += checkIndex(file);
    const seen = seenByDir.get(path.dirname(file)) ?? [];
    seenByDir.set(path.dirname(file), seen);
    for (let i = 0; i < blocks.length; i++) {
      records++;
      const { record, bytes } = blocks[i];
      const where = `${file} record ${i} (${record.warcType} ${record.warcTargetURI ?? ""})`;
      if (bytes.length !== record.warcContentLength) {
        problem(`${where}: read ${bytes.length} bytes, Content-Length says ${record.warcContentLength}`);
      }
      const blockDigest = record.warcBlockDigest;
      if (blockDigest && !digestMatches(blockDigest, bytes)) problem(`${where}: block digest differs`);
      const payload = payloads[i].bytes;
      const payloadDigest = record.warcPayloadDigest;
      if (record.warcType === "response" && payloadDigest && !digestMatches(payloadDigest, payload)) {
        problem(`${where}: payload digest differs`);
      }
      seen.push(`${record.warcTargetURI}\t${record.warcType}\t${sha256(payload)}`);
    }
  }
}
for (const [dir, seen] of seenByDir) {
  const expected = path.join(dir, "expected-payloads.tsv");
  if (!existsSync(expected)) continue;
  const have = new Set(seen);
  for (const line of readFileSync(expected, "utf8").split("\n")) {
    if (!line.trim()) continue;
    expectations++;
    if (!have.has(line)) problem(`${dir}: no record with the payload the server sent: ${line}`);
  }
}
console.warn = realWarn;
console.log(`warcio ${problems === 0 ? "OK" : "FAILED"}: ${files} file(s), ${records} record(s),`
  + ` ${expectations} expected payload(s) and ${indexLines} CDXJ line(s) checked,`
  + ` ${problems} problem(s)`);
if (files === 0) {
  console.log("FAIL no WARC file found in " + dirs.join(" "));
  process.exit(1);
}
process.exit(problems === 0 ? 0 : 1);
