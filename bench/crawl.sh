#!/usr/bin/env bash
# Crawl benchmark on loopback: HOSTS sites on 127.0.x.y, PAGES real article pages each (taken
# from an eval corpus folder), served by nginx (installed from Debian with apt-get when missing;
# without it, Python's threaded http.server). Reports, in one run:
#   crawl pages/s, CPU ms per page and peak RSS; extraction-only pages/s and CPU ms per page on
#   the same pages; `archive -i` over ARCHIVE_URLS URLs with the default 1 s delay; and
#   `archive --no-extract` (delay 0) and `wget --warc-file` over the crawl's URL list, and the
#   same `archive --no-extract` with its records deflated by zlib (`--warc-deflate zlib`), to
#   compare with the default (libdeflate when the system has it).
# Usage: bench/crawl.sh [EVAL_DIR]
#   env: HOSTS=100 PAGES=40 WORKERS=32 ARCHIVE_URLS=1000 PORT=18080 JAVA_OPTS= KEEP=1 (keep files)
#        REPEAT=N (run the noextract and wget steps N times in turn; the ratio is the median)
#        PROFILE=1 (record the crawl and the --no-extract archive with JFR and print where their
#        CPU samples fall)  STEPS="noextract wget" (run only the named steps of crawl, extract,
#        archive, noextract, wget, zlib; all by default)
# Every newsarc run goes through the ./newsarc launcher, so its JVM defaults (heap bound,
# collector) are what is measured; JAVA_OPTS are added to them (NEWSARC_JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
EVAL=${1:-../shared/eval}
HOSTS=${HOSTS:-100}
PAGES=${PAGES:-40}
WORKERS=${WORKERS:-32}
ARCHIVE_URLS=${ARCHIVE_URLS:-1000}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/newsarc-bench.XXXXXX)
chmod 755 "$WORK"   # the nginx worker runs as another user
SERVER_PID=
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; fi; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT

NEWSARC=${NEWSARC:-$ROOT/newsarc}   # another launcher, e.g. an older build, to compare
"$NEWSARC" --version >/dev/null   # builds the jar when needed
export NEWSARC_JAVA_OPTS=${JAVA_OPTS:-}

# 1. Pages: HOSTS × PAGES files from the eval corpora, one folder per address.
mapfile -t FILES < <(find "$EVAL" -path '*/html/*' -type f \( -name '*.html' -o -name '*.html.gz' -o -name '*.htm' \) | sort | head -n $((HOSTS * PAGES)))
[ "${#FILES[@]}" -ge $((HOSTS * PAGES)) ] || { echo "need $((HOSTS * PAGES)) pages in $EVAL, found ${#FILES[@]}" >&2; exit 2; }
: > "$WORK/urls.txt"; : > "$WORK/seeds.txt"; : > "$WORK/manifest.tsv"
n=0
for ((h = 0; h < HOSTS; h++)); do
  ip="127.0.$((1 + h / 250)).$((1 + h % 250))"
  dir="$WORK/www/$ip"; mkdir -p "$dir"
  index="<html><head><title>Site $h</title></head><body><ul>"
  for ((p = 0; p < PAGES; p++)); do
    f=${FILES[$n]}; n=$((n + 1))
    if [[ $f == *.gz ]]; then zcat "$f" > "$dir/a$p.html"; else cp "$f" "$dir/a$p.html"; fi
    url="http://$ip:$PORT/a$p.html"
    echo "$url" >> "$WORK/urls.txt"
    printf '%s\t%s\n' "$dir/a$p.html" "$url" >> "$WORK/manifest.tsv"
    index+="<li><a href=\"/a$p.html\">article $p</a></li>"
  done
  echo "$index</ul></body></html>" > "$dir/index.html"
  echo "http://$ip:$PORT/index.html" >> "$WORK/seeds.txt"
done
BYTES=$(du -sb "$WORK/www" | cut -f1)
echo "pages: $((HOSTS * PAGES)) over $HOSTS hosts, $((BYTES / HOSTS / PAGES / 1024)) KiB on average"

# 2. The server: nginx on every loopback address (root chosen by the address asked).
if ! command -v nginx >/dev/null && command -v apt-get >/dev/null; then
  apt-get install -y -q nginx-light >/dev/null 2>&1 || true
fi
if command -v nginx >/dev/null; then
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  types { text/html html; text/plain txt; }
  default_type text/html;
  sendfile on;
  server {
    listen 0.0.0.0:$PORT reuseport backlog=4096;
    root $WORK/www/\$server_addr;
  }
}
CONF
  nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" & SERVER_PID=$!
  SERVER="nginx $(nginx -v 2>&1 | sed 's/.*\///')"
else
  (cd "$WORK" && exec python3 -c "
import http.server, os, socketserver
class H(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        return os.path.join('$WORK/www', self.connection.getsockname()[0], path.lstrip('/').split('?')[0])
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('0.0.0.0', $PORT), H).serve_forever()") & SERVER_PID=$!
  SERVER="python http.server"
fi
for i in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/index.html" >/dev/null 2>&1 && break; sleep 0.1; done
echo "server: $SERVER on 0.0.0.0:$PORT"

# step NAME: whether step NAME is to run (STEPS names some, or is empty for all).
step() { [ -z "${STEPS:-}" ] || [[ " $STEPS " == *" $1 "* ]]; }

# measure LABEL COUNT CMD...: wall, CPU (user+sys) and peak RSS of CMD.
measure() {
  local label=$1 count=$2; shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/time.$label" "$@" > "$WORK/out.$label" 2> "$WORK/err.$label" || true
  read -r wall user sys rss < <(tail -n 1 "$WORK/time.$label")
  local cpu; cpu=$(echo "$user + $sys" | bc)
  printf '%-22s %6d pages  %7.2f s  %8.1f pages/s  %6.2f ms CPU/page  peak RSS %5d MB\n' \
    "$label" "$count" "$wall" "$(echo "$count / $wall" | bc -l)" \
    "$(echo "1000 * $cpu / $count" | bc -l)" $((rss / 1024))
  eval "WALL_$label=$wall; CPU_$label=$cpu"
}

# 3. The crawl.
if step crawl; then
mkdir -p "$WORK/crawl"
cat > "$WORK/crawl/crawl.yaml" <<YAML
identity:
  contact: https://example.org/newsarc-bench
seeds:
  files: [$WORK/seeds.txt]
scope:
  max-depth: 1
politeness:
  workers: $WORKERS
  delay: 0s
  response-time-factor: 0
discovery:
  robots-sitemaps: false
  feed-links: false
status:
  enabled: false
fetch:
  allow-addresses: [127.0.0.0/8]
YAML
CRAWL_OPTS=${JAVA_OPTS:-}
[ -z "${PROFILE:-}" ] || CRAWL_OPTS="$CRAWL_OPTS -XX:StartFlightRecording=filename=$WORK/crawl.jfr,settings=profile"
NEWSARC_JAVA_OPTS="$CRAWL_OPTS" measure crawl $((HOSTS * PAGES + HOSTS)) "$NEWSARC" crawl --config "$WORK/crawl/crawl.yaml" --exit-when-idle
ARTICLES=$(sqlite3 "$WORK/crawl/crawl-data/newsarc.db" 'select count(*) from articles' 2>/dev/null || echo '?')
echo "    crawl: $(tail -1 "$WORK/out.crawl")  (articles in catalog: $ARTICLES)"
STAGES=$(grep -a -o 'workers: .*' "$WORK/err.crawl" | tail -1 || true)
[ -z "$STAGES" ] || echo "    $STAGES"
if [ "$ARTICLES" = '?' ] || [ "$ARTICLES" -lt $((HOSTS * PAGES * 9 / 10)) ]; then
  echo "    WARNING: the crawl archived fewer articles than pages served; see $WORK/err.crawl" >&2
fi

if [ -n "${PROFILE:-}" ]; then
  echo "    crawl CPU samples by where they fall (JFR, $WORK/crawl.jfr):"
  { jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/crawl.jfr" | bench/jfr-where.awk | head -n 20 | sed "s/^/      /"; } || true
fi
fi

# 4. Extraction only, on the same files.
step extract && measure extract $((HOSTS * PAGES)) "$NEWSARC" extract --manifest "$WORK/manifest.tsv"

# 5. archive -i with the default delay over ARCHIVE_URLS URLs spread over all hosts.
awk -v n="$PAGES" -v h="$HOSTS" -v want="$ARCHIVE_URLS" '{ a[NR-1]=$0 } END {
  per = int((want + h - 1) / h); c = 0
  for (p = 0; p < per && c < want; p++) for (i = 0; i < h && c < want; i++) { print a[i*n+p]; c++ } }' \
  "$WORK/urls.txt" > "$WORK/archive-urls.txt"
if step archive; then
measure archive "$(wc -l < "$WORK/archive-urls.txt")" "$NEWSARC" archive --out "$WORK/archive" -i "$WORK/archive-urls.txt" --contact https://example.org/newsarc-bench --allow-addresses 127.0.0.0/8
echo "    archive: $(grep -m1 '^Archived' "$WORK/out.archive" || tail -1 "$WORK/err.archive")"
fi

# 6 and 7, REPEAT times in turn (the machine's speed drifts; a pair run back to back is the fair
# comparison): archive --no-extract over the crawl's URL list, delay 0 (fetch + WARC + catalog
# only), then wget --warc-file over the same list (fetch and WARC only, no extraction).
REPEAT=${REPEAT:-1}
RATIOS=()
for ((run = 1; run <= REPEAT; run++)); do
if step noextract; then
rm -rf "$WORK/noextract"
NOEXTRACT_OPTS=${JAVA_OPTS:-}
[ -z "${PROFILE:-}" ] || NOEXTRACT_OPTS="$NOEXTRACT_OPTS -XX:StartFlightRecording=filename=$WORK/noextract.jfr,settings=profile"
NEWSARC_JAVA_OPTS="$NOEXTRACT_OPTS" measure noextract $((HOSTS * PAGES)) "$NEWSARC" archive --out "$WORK/noextract" -i "$WORK/urls.txt" --delay 0 --workers "$WORKERS" --no-extract --contact https://example.org/newsarc-bench --allow-addresses 127.0.0.0/8

if [ -n "${PROFILE:-}" ]; then
  echo "    archive --no-extract CPU samples by where they fall (JFR, $WORK/noextract.jfr):"
  { jfr print --stack-depth 64 --events jdk.ExecutionSample "$WORK/noextract.jfr" | bench/jfr-where.awk | head -n 20 | sed "s/^/      /"; } || true
fi
fi

if step zlib; then
rm -rf "$WORK/zlib"
measure zlib $((HOSTS * PAGES)) "$NEWSARC" archive --out "$WORK/zlib" -i "$WORK/urls.txt" --delay 0 --workers "$WORKERS" --no-extract --warc-deflate zlib --contact https://example.org/newsarc-bench --allow-addresses 127.0.0.0/8
echo "    WARC bytes with zlib: $(cat "$WORK"/zlib/warcs/*.warc.gz | wc -c)"
fi

if step wget; then
rm -rf "$WORK/wget"; mkdir -p "$WORK/wget"
measure wget $((HOSTS * PAGES)) wget -q -e robots=off --delete-after -P "$WORK/wget" --warc-file="$WORK/wget/bench" -i "$WORK/urls.txt"
fi
if step noextract && step wget; then
  RATIOS+=("$(echo "$WALL_wget / $WALL_noextract" | bc -l)")
  printf '    WARC bytes: archive --no-extract %d, wget %d (level: wget zlib 9, newsarc its default 6 with its default deflater; newsarc stores a repeated payload as a revisit)\n' \
    "$(cat "$WORK"/noextract/warcs/*.warc.gz | wc -c)" "$(cat "$WORK"/wget/*.warc.gz | wc -c)"
fi
done

echo
if step noextract && step wget; then
if [ "${#RATIOS[@]}" -gt 1 ]; then
  printf 'archive --no-extract pages/s : wget pages/s, each pair: %s\n' "$(printf '%.2f ' "${RATIOS[@]}")"
fi
printf 'archive --no-extract pages/s : wget pages/s = %.2f (goal >= 2; the median of %d pair(s))\n' \
  "$(printf '%s\n' "${RATIOS[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')" "${#RATIOS[@]}"
fi
if step crawl && step extract; then
printf 'crawl CPU/page : extract CPU/page = %.2f (goal <= 1.5)\n' "$(echo "($CPU_crawl / ($HOSTS * $PAGES + $HOSTS)) / ($CPU_extract / ($HOSTS * $PAGES))" | bc -l)"
printf 'crawl pages/s : extract pages/s  = %.2f (goal >= 0.75)\n' "$(echo "(($HOSTS * $PAGES + $HOSTS) / $WALL_crawl) / (($HOSTS * $PAGES) / $WALL_extract)" | bc -l)"
fi
if [ -n "${KEEP:-}" ]; then echo "work folder kept: $WORK"; fi
