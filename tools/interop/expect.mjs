// Writes expected.tsv for the interoperability corpus: what warcio (the independent reader)
// finds in each file it can read: offset, length, record type, target URI, HTTP status and the
// SHA-256 of the decoded body (transfer and content coding removed). For the two files warcio
// cannot place (a damaged record; one gzip member) the expectations are derived from the file
// they were made from; the ARC expectations come from handmade.py (warcio reads no ARC).
// Usage: node expect.mjs CORPUS_DIR
import { createReadStream, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "warcio", "package.json"));
const { WARCParser } = await import(require.resolve("warcio"));
const dir = process.argv[2];

async function rows(name) {
  const out = [];
  const parser = new WARCParser(createReadStream(path.join(dir, name)));
  for await (const r of parser) {
    const body = await r.readFully(true);
    const status = r.httpHeaders && r.httpHeaders.statusCode ? r.httpHeaders.statusCode : "-";
    out.push([name, parser.offset, parser.recordLength, r.warcType, r.warcTargetURI, status,
      createHash("sha256").update(body).digest("hex")]);
  }
  return out;
}

const lines = [];
for (const name of ["z-wget-first.warc.gz", "a-wget-dedup.warc.gz", "wget-plain.warc",
  "warcio-odd.warc.gz", "bad-ending.warc.gz"]) {
  lines.push(...await rows(name));
}
const first = await rows("z-wget-first.warc.gz");
// bad-middle: record 6 (the response for /chunked.html) is damaged in place.
first.filter((_, i) => i !== 6).forEach((r) => lines.push(["bad-middle.warc.gz", ...r.slice(1)]));
const size = statSync(path.join(dir, "one-member.warc.gz")).size;
first.forEach((r) => lines.push(["one-member.warc.gz", 0, size, ...r.slice(3)]));
lines.push(...readFileSync(path.join(dir, "arc-expected.tsv"), "utf8").trim().split("\n")
  .map((l) => l.split("\t")));
writeFileSync(path.join(dir, "expected.tsv"),
  "# file\toffset\tlength\ttype\turl\tstatus\tsha256 of decoded body\n"
  + lines.map((l) => l.join("\t")).join("\n") + "\n");
