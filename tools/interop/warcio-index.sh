#!/usr/bin/env bash
# Writes warcio's CDXJ index of every WARC file of the interoperability corpus to
# warcio-index.cdxj beside them, sorted, so that CdxjInteropTest can compare newsarc's index
# with it without node. Usage: tools/interop/warcio-index.sh [CORPUS_DIR]
# Needs node and npm; uses the warcio pinned in tools/warcio/package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-$root/archive/src/test/resources/interop}"
if [ ! -d "$root/tools/warcio/node_modules/warcio" ]; then
  (cd "$root/tools/warcio" && npm ci --no-audit --no-fund --loglevel=error)
fi
cd "$dir"
files=(*.warc.gz *.warc)
LC_ALL=C node "$root/tools/warcio/node_modules/warcio/dist/cli.js" cdx-index "${files[@]}" \
  | LC_ALL=C sort > warcio-index.cdxj
echo "wrote $dir/warcio-index.cdxj ($(wc -l < warcio-index.cdxj) lines)"
