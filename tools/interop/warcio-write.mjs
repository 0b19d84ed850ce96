// Writes a WARC/1.1 file with warcio.js (webrecorder's writer, not jwarc), holding records
// whose framing other crawlers produce: a chunked body stored with its chunk framing, a
// "Transfer-Encoding: chunked" header over a body that is not chunked, a POST exchange, an
// identical-payload revisit and a resource record. Usage: node warcio-write.mjs OUT.warc.gz
import { writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, "..", "warcio", "package.json"));
const { WARCRecord, WARCSerializer } = await import(require.resolve("warcio"));

const enc = new TextEncoder();
const page = (title) => enc.encode(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">`
  + `<title>${title}</title></head><body><article><h1>${title}</h1>`
  + Array.from({ length: 6 }, (_, i) => `<p>${title}, part ${i + 1}. The lighthouse keepers`
    + ` asked the council for a new boat, and the council agreed to pay half of it.</p>`).join("")
  + `</article></body></html>`);
function chunked(bytes, size) {
  const parts = [];
  for (let i = 0; i < bytes.length; i += size) {
    const part = bytes.subarray(i, i + size);
    parts.push(enc.encode(part.length.toString(16) + "\r\n"), part, enc.encode("\r\n"));
  }
  parts.push(enc.encode("0\r\n\r\n"));
  return parts;
}
const date = "2024-05-02T08:00:00Z";
const records = [];
records.push(WARCRecord.createWARCInfo({ filename: "warcio-odd.warc.gz", warcVersion: "WARC/1.1" },
  { software: "warcio.js", format: "WARC File Format 1.1" }));
const framed = page("Lighthouse keepers get a boat");
// warcio digests the payload as stored; the revisit below repeats that value.
const framedDigest = "sha256:" + createHash("sha256")
  .update(Buffer.concat(chunked(framed, 100))).digest("hex");
records.push(WARCRecord.create({ url: "http://127.0.0.1/framed.html", date, type: "response",
  warcVersion: "WARC/1.1", statusline: "HTTP/1.1 200 OK",
  httpHeaders: { "Content-Type": "text/html; charset=utf-8", "Transfer-Encoding": "chunked" } },
  chunked(framed, 100)));
records.push(WARCRecord.create({ url: "http://127.0.0.1/liar.html", date, type: "response",
  warcVersion: "WARC/1.1", statusline: "HTTP/1.1 200 OK",
  httpHeaders: { "Content-Type": "text/html; charset=utf-8", "Transfer-Encoding": "chunked" } },
  [page("Council meets in the old school")]));
records.push(WARCRecord.create({ url: "http://127.0.0.1/search", date, type: "request",
  warcVersion: "WARC/1.1", statusline: "POST /search HTTP/1.1",
  httpHeaders: { "Content-Type": "application/x-www-form-urlencoded", "Host": "127.0.0.1" } },
  [enc.encode("q=ferry&page=2")]));
records.push(WARCRecord.create({ url: "http://127.0.0.1/search", date, type: "response",
  warcVersion: "WARC/1.1", statusline: "HTTP/1.1 200 OK",
  httpHeaders: { "Content-Type": "application/json" } }, [enc.encode("{\"hits\":2}")]));
records.push(WARCRecord.create({ url: "http://127.0.0.1/framed-again.html",
  date: "2024-05-03T08:00:00Z", type: "revisit", warcVersion: "WARC/1.1",
  refersToUrl: "http://127.0.0.1/framed.html", refersToDate: date,
  statusline: "HTTP/1.1 200 OK", warcHeaders: { "WARC-Payload-Digest": framedDigest },
  httpHeaders: { "Content-Type": "text/html; charset=utf-8" } }, []));
records.push(WARCRecord.create({ url: "http://127.0.0.1/notes.txt", date, type: "resource",
  warcVersion: "WARC/1.1", warcHeaders: { "Content-Type": "text/plain" } },
  [enc.encode("plain resource\n")]));

const out = [];
for (const r of records) out.push(await WARCSerializer.serialize(r, { gzip: true }));
writeFileSync(process.argv[2], Buffer.concat(out));
