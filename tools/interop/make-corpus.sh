#!/usr/bin/env bash
# Regenerates the interoperability corpus in archive/src/test/resources/interop/ (committed, so
# that `mvn verify` needs neither wget nor npm): WARC files written by GNU wget (Debian) over a
# loopback site, one by warcio.js (npm, pinned in tools/warcio), hand-made ARC files and
# damaged or oddly compressed copies, plus expected.tsv, what the independent warcio reader
# finds in each, and warcio-index.cdxj, warcio's CDXJ index of them. Needs wget, python3, node and npm. WARC-Date, record ids and the site's port
# change from run to run; the structure and payloads do not.
# Usage: tools/interop/make-corpus.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$root/archive/src/test/resources/interop}"
here="$root/tools/interop"
if [ ! -d "$root/tools/warcio/node_modules/warcio" ]; then
  (cd "$root/tools/warcio" && npm ci --no-audit --no-fund --loglevel=error)
fi
work="$(mktemp -d)"
python3 "$here/site.py" "$work/port" &
site=$!
trap 'kill $site 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")/"
# wget exits 8 because of the 404 the site serves on purpose.
crawl() { (cd "$work" && wget -q --recursive --level=2 -e robots=off --delete-after "$@" "$url") || [ $? -eq 8 ]; }
# The dedup crawl is named to sort before the crawl holding its originals.
crawl --warc-file=z-wget-first --warc-cdx
crawl --warc-file=a-wget-dedup --warc-dedup=z-wget-first.cdx
crawl --warc-file=wget-plain --no-warc-compression
kill $site
mkdir -p "$out"
rm -f "$out"/*.warc "$out"/*.warc.gz "$out"/*.arc "$out"/*.arc.gz "$out"/*.tsv
cp "$work"/z-wget-first.warc.gz "$work"/a-wget-dedup.warc.gz "$work"/wget-plain.warc "$out"/
node "$here/warcio-write.mjs" "$out/warcio-odd.warc.gz"
python3 "$here/handmade.py" "$out"
node "$here/expect.mjs" "$out"
"$here/warcio-index.sh" "$out"
rm -f "$out/arc-expected.tsv"
ls -l "$out"
