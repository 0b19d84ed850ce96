// Opens a WACZ file in ReplayWeb.page, in headless Chromium, and checks that a page archived in
// it replays: the page's title must appear in the replayed document.
// Usage: node check.mjs FILE.wacz URL TEXT [CHROMIUM]
// Needs the replaywebpage package unpacked in ./rwp (see replay-check.sh) and playwright-core.
import { createServer } from "node:http";
import { createReadStream, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const [wacz, target, expected, executable = "/usr/bin/chromium"] = process.argv.slice(2);
if (!wacz || !target || !expected) {
  console.error("usage: node check.mjs FILE.wacz URL TEXT [CHROMIUM]");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const rwp = path.join(here, "rwp", "package");

const page = `<!doctype html><meta charset="utf-8"><title>replay check</title>
<script src="/ui.js"></script>
<replay-web-page source="/archive.wacz" url="${target}" replayBase="/replay/"
  style="width:100%;height:800px;display:block"></replay-web-page>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  if (url.pathname === "/") {
    res.writeHead(200, { "Content-Type": "text/html" });
    return res.end(page);
  }
  let file;
  let type = "application/javascript";
  if (url.pathname === "/ui.js") file = path.join(rwp, "ui.js");
  else if (url.pathname === "/replay/sw.js") file = path.join(rwp, "sw.js");
  else if (url.pathname === "/archive.wacz") { file = wacz; type = "application/wacz"; }
  if (!file) { res.writeHead(404); return res.end(); }
  const size = statSync(file).size;
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range || "");
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(206, { "Content-Type": type, "Accept-Ranges": "bytes",
      "Content-Range": `bytes ${start}-${end}/${size}`, "Content-Length": end - start + 1 });
    return createReadStream(file, { start, end }).pipe(res);
  }
  res.writeHead(200, { "Content-Type": type, "Content-Length": size, "Accept-Ranges": "bytes" });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: executable,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let found = false;
try {
  const tab = await browser.newPage();
  await tab.goto(base);
  // Bounded wait: the replay engine unpacks the WACZ, then loads the page in nested frames.
  // A replay that has not shown the page after 30 s is loaded once more (the service worker
  // that serves the archive sometimes misses the first load); the page must appear within 60 s.
  for (let i = 0; i < 120 && !found; i++) {
    if (i === 60) {
      await tab.goto(base);
    }
    await tab.waitForTimeout(500);
    for (const frame of tab.frames()) {
      try {
        const text = await frame.evaluate(() => document.body ? document.body.innerText : "");
        if (text.includes(expected) && frame !== tab.mainFrame()) {
          found = true;
          console.log(`replayed in ${frame.url()}`);
          break;
        }
      } catch (e) {
        // Frames come and go while the replay loads.
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
if (!found) {
  console.error(`FAIL: "${expected}" never appeared in a replayed frame of ${target}`);
  process.exit(1);
}
console.log(`ReplayWeb.page OK: ${target} replays from ${path.basename(wacz)}`);
