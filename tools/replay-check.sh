#!/usr/bin/env bash
# Proves that `newsarc export --wacz` writes a WACZ that ReplayWeb.page opens: archives the demo
# site, packs it as a WACZ, loads it in ReplayWeb.page (the replaywebpage npm package, pinned)
# in headless Chromium, and checks that each of a few archived articles replays with its text.
# Installs Debian's chromium when it is missing (as root). Usage: tools/replay-check.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/replay"
rwp_version=2.5.3

if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d "$tool/node_modules/playwright-core" ]; then
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f "$tool/rwp/package/sw.js" ]; then
  # Only the built files are needed (ui.js, sw.js), so the package is unpacked, not installed.
  rm -rf "$tool/rwp" && mkdir -p "$tool/rwp"
  (cd "$tool/rwp" && npm pack --silent "replaywebpage@$rwp_version" >/dev/null && tar xzf replaywebpage-*.tgz)
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/newsarc" demo --out "$work/archive" --delay 0 >/dev/null
"$root/newsarc" export --archive "$work/archive" --wacz "$work/demo.wacz"

# Three pages: the first, the ISO-8859-1 one, and the last; each must show its headline.
unzip -p "$work/demo.wacz" pages/pages.jsonl | node -e '
  const lines = require("fs").readFileSync(0, "utf8").split("\n").filter(l => l.includes("\"url\""));
  const pages = lines.map(l => JSON.parse(l)).filter(p => p.title);
  const pick = [pages[0], pages.find(p => p.url.includes("/societe/")), pages[pages.length - 1]];
  for (const p of pick.filter(Boolean)) console.log(p.url + "\t" + p.title);
' > "$work/pages.tsv"
[ -s "$work/pages.tsv" ] || { echo "replay-check: no pages in the WACZ" >&2; exit 1; }
while IFS=$'\t' read -r url title; do
  node "$tool/check.mjs" "$work/demo.wacz" "$url" "$title"
done < "$work/pages.tsv"
