#!/usr/bin/env bash
# Checks WARC files with warcio, an implementation independent of the jwarc library newsarc
# writes with: every record must be read without warnings, every digest must match, and the
# payloads the tests' loopback servers sent must be found byte for byte.
# Usage: tools/warcio-check.sh [DIR...]   (default: the folders the Maven tests leave behind)
# Needs node and npm; installs the pinned warcio from tools/warcio/package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/warcio"
if [ ! -d "$tool/node_modules/warcio" ]; then
  (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ "$#" -eq 0 ]; then
  set --
  for d in "$root"/*/target/test-warcs; do
    [ -d "$d" ] && set -- "$@" "$d"
  done
  if [ "$#" -eq 0 ]; then
    echo "warcio-check: no */target/test-warcs folder; run the Maven tests first" >&2
    exit 1
  fi
fi
# The command-line indexer too: it must read every file without a word on stderr.
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$@" -name '*.warc.gz' -print0 | sort -z)
if [ "${#files[@]}" -gt 0 ]; then
  errors="$(node "$tool/node_modules/warcio/dist/cli.js" index "${files[@]}" 2>&1 >/dev/null || echo "exit code $?")"
  if [ -n "$errors" ]; then
    echo "FAIL warcio index complained:" >&2
    echo "$errors" >&2
    exit 1
  fi
fi
exec node "$tool/check.mjs" "$@"
