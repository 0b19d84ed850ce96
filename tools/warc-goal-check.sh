#!/usr/bin/env bash
# Checks the WARC goals of docs/warc.md end to end, from the command line:
#  1. `newsarc archive` over a loopback site (plain, chunked and gzip-encoded pages, a redirect,
#     a 404, a binary file) under every --warc-digest and --warc-version: `jwarc validate` must
#     print no line at all (it reports problems on stdout even when it exits 0);
#  2. warcio reads every file written in 1 without a warning, with every digest recomputed
#     (tools/warcio-check.sh);
#  3. `reindex` and `extract --warc` read every file of the interoperability corpus with no
#     stack trace, skipping only the one damaged record of bad-middle.warc.gz.
# Usage: tools/warc-goal-check.sh   Needs java, maven, python3, node and npm; builds the jar
# with ./newsarc when needed. Exit code 0 when every goal holds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/crawler/target/newsarc.jar"
corpus="$root/archive/src/test/resources/interop"
"$root/newsarc" --version >/dev/null # builds the jar when a source is newer
work="$(mktemp -d)"
site=""
cleanup() {
  [ -n "$site" ] && kill "$site" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
python3 "$root/tools/interop/site.py" "$work/port" &
site=$!
for _ in $(seq 1 100); do
  [ -s "$work/port" ] && break
  sleep 0.1
done
[ -s "$work/port" ] || { echo "FAIL: the loopback site did not start" >&2; exit 1; }
url="http://127.0.0.1:$(cat "$work/port")"
fail=0

for digest in sha1 sha256 sha512; do
  for version in 1.1 1.0; do
    out="$work/archive-$digest-$version"
    # Exit 1 is expected: the 404 and the PNG are reported as failures (still archived).
    "$root/newsarc" archive --out "$out" --warc-digest "$digest" --warc-version "$version" \
      --delay 0 --allow-addresses 127.0.0.1/32 --contact mailto:check@example.org \
      "$url/" "$url/article.html" "$url/chunked.html" "$url/gzip.html" "$url/old" \
      "$url/missing.html" "$url/logo.png" >"$out.log" 2>&1 || [ $? -eq 1 ]
    report="$(java -cp "$jar" org.netpreserve.jwarc.tools.WarcTool validate \
      "$out"/warcs/*.warc.gz 2>&1)" || { echo "FAIL: jwarc validate exit code $?"; fail=1; }
    lines="$(printf '%s' "$report" | grep -c . || true)"
    records="$(java -cp "$jar" org.netpreserve.jwarc.tools.WarcTool ls "$out"/warcs/*.warc.gz \
      | grep -c . || true)"
    echo "jwarc validate --warc-digest $digest --warc-version $version: $records records," \
      "$lines error line(s)"
    if [ "$lines" -ne 0 ]; then
      printf '%s\n' "$report" | head -20
      fail=1
    fi
  done
done

"$root/tools/warcio-check.sh" "$work"/archive-*/warcs || fail=1

mkdir -p "$work/interop/warcs"
cp "$corpus"/*.warc "$corpus"/*.warc.gz "$corpus"/*.arc "$corpus"/*.arc.gz "$work/interop/warcs/"
files="$(ls "$work/interop/warcs" | wc -l)"
"$root/newsarc" reindex --archive "$work/interop" >"$work/reindex.log" 2>&1 || true
"$root/newsarc" extract --warc "$work/interop/warcs" >"$work/extract.jsonl" \
  2>"$work/extract.err" || true
for log in "$work/reindex.log" "$work/extract.err"; do
  if grep -Eq 'Exception|^[[:space:]]+at ' "$log"; then
    echo "FAIL: a stack trace in $(basename "$log"):"
    head -20 "$log"
    fail=1
  fi
done
skipped="$(grep -h 'skipped unreadable record' "$work/reindex.log" | sort -u)"
others="$(printf '%s\n' "$skipped" | grep -v '^$' | grep -vc 'bad-middle.warc.gz' || true)"
if [ "$others" -ne 0 ]; then
  echo "FAIL: unreadable records outside bad-middle.warc.gz:"
  printf '%s\n' "$skipped"
  fail=1
fi
read_line="$(grep '^Read ' "$work/reindex.log" || true)"
if [ -z "$read_line" ]; then
  echo "FAIL: reindex did not finish:"
  head -20 "$work/reindex.log"
  fail=1
fi
echo "interop corpus, $files files: reindex: $read_line"
echo "extract --warc: $(grep -c . "$work/extract.jsonl") JSON lines;" \
  "$(printf '%s\n' "$skipped" | grep -c . || true) unreadable record(s) skipped, in" \
  "bad-middle.warc.gz only"
[ "$fail" -eq 0 ] && echo "all WARC goals hold" || echo "FAIL: see above"
exit "$fail"
