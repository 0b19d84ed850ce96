#!/usr/bin/env bash
# Throughput of `newsarc reindex` against `newsarc-spark extract` in local mode with 1 and 2
# cores, and the two goal ratios, in one command. Usage, from the repository root:
#   spark/bench.sh [PAGES] [RUNS] [SOURCE] [FILE_MB]
# writes PAGES responses (default 12000: rounds of the real pages of the corpora under SOURCE,
# default ../shared/eval, each copy after the first with its own URL and payload; seeds/site for
# the demo pages) into gzipped WARC files of FILE_MB megabytes (default 32) with their CDXJ
# indexes, under target/spark-bench/ (reused while the parameters stay the same). Then RUNS
# rounds (default 1) of: reindex over the first WARC file (reindex assigns story clusters as it
# goes, a cost that grows with the catalog, so the whole set would take it many minutes; its
# pages/s on a first part is, if anything, in its favour), and newsarc-spark extract with
# --master local[1] and local[2] over all files. Prints wall and CPU seconds (user+sys, children
# included) and the load average after each run, then, from the best run of each:
#   scaling 1->2 cores  = local[2] pages/s / local[1] pages/s     (goal >= 1.8)
#   per core vs reindex = local[1] pages/s / reindex pages/s      (goal >= 0.8)
# from wall time, from CPU time (steadier on a loaded machine), and from the job's own time
# (Spark already started) as newsarc-spark reports it.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-12000}"
runs="${2:-1}"
source="${3:-../shared/eval}"
file_mb="${4:-32}"
[ -d "$source" ] || source=seeds/site
work="$PWD/target/spark-bench"
./newsarc --version >/dev/null
./newsarc-spark --version >/dev/null 2>&1
if [ ! -f spark/target/test-classes/org/newsarc/spark/BenchArchive.class ]; then
  mvn -B -q -ntp -Pspark -pl spark -am test-compile >/dev/null
fi
stamp="pages=$pages source=$source file_mb=$file_mb"
if [ "$(cat "$work/params" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$work"
  mkdir -p "$work/first/warcs"
  java -cp "spark/target/test-classes:spark/target/newsarc-spark.jar:$(cat spark/target/classpath.txt)" \
    org.newsarc.spark.BenchArchive "$work" "$pages" "$source" "$file_mb"
  first="$(ls "$work"/warcs/*.warc.gz | head -1)"
  ln "$first" "$work/first/warcs/"
  echo "$stamp" >"$work/params"
fi
echo "input: $(ls "$work"/warcs/*.warc.gz | wc -l) WARC file(s), $(du -sh "$work/warcs" | cut -f1);" \
  "reindex reads the first, $(du -sh "$work/first/warcs" | cut -f1); $stamp"
TIMEFORMAT='%R %U %S'
results="$work/results.txt"
# Each timed run is given the cores it is measured with (taskset, when there are enough): an
# unpinned local[1] JVM also spends a second core on its collector and compiler threads, which
# would make "1 core" a misnomer. reindex and local[1] get core 0, local[2] cores 0 and 1.
pin() {
  local cores=$1; shift
  if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge "$cores" ]; then
    taskset -c "0-$((cores - 1))" "$@"
  else
    "$@"
  fi
}
: >"$results"
for run in $(seq "$runs"); do
  rm -f "$work"/first/newsarc.db*
  ./newsarc --version >/dev/null 2>&1 # a rebuild, if sources changed, is not timed
  t=$( { time pin 1 ./newsarc reindex --archive "$work/first" >"$work/reindex.out" 2>&1; } 2>&1 | tail -1)
  rows=$(grep -o '[0-9]* article(s) extracted' "$work/reindex.out" | cut -d' ' -f1)
  echo "reindex   run $run  real/user/sys $t  load $(cut -d' ' -f1 /proc/loadavg)  $(head -1 "$work/reindex.out")"
  echo "reindex $t ${rows:-0} 0" >>"$results"
  for m in 'local[1]' 'local[2]'; do
    rm -rf "$work/out"
    ./newsarc-spark --version >/dev/null 2>&1
    t=$( { time pin "${m//[^0-9]/}" ./newsarc-spark extract --master "$m" --input "$work/warcs" --output "$work/out" \
        >"$work/spark.out" 2>&1; } 2>&1 | tail -1)
    rows=$(grep -o '[0-9]* row(s) written' "$work/spark.out" | cut -d' ' -f1)
    job=$(grep -o 'the job took [0-9.]*' "$work/spark.out" | grep -o '[0-9.]*$')
    echo "$m  run $run  real/user/sys $t  load $(cut -d' ' -f1 /proc/loadavg)  $(grep '^Read' "$work/spark.out")  $(grep '^Splits' "$work/spark.out")"
    echo "$m $t ${rows:-0} ${job:-0}" >>"$results"
  done
done
awk '
  { k = $1; wall = $2; cpu = $3 + $4; rows[k] = $5
    if (!(k in w) || wall < w[k]) w[k] = wall
    if (!(k in c) || cpu < c[k]) c[k] = cpu
    if ($6 > 0 && (!(k in j) || $6 < j[k])) j[k] = $6 }
  END {
    split("reindex local[1] local[2]", order, " ")
    for (i = 1; i <= 3; i++) { k = order[i]
      printf "%-9s %6d pages  best wall %7.1f s = %6.1f pages/s   least CPU %7.1f s = %6.1f pages/CPU s", k, rows[k], w[k], rows[k] / w[k], c[k], rows[k] / c[k]
      if (k in j) printf "   job %6.1f s = %6.1f pages/s", j[k], rows[k] / j[k]
      printf "\n" }
    r = rows["reindex"] / w["reindex"]; p1 = rows["local[1]"] / w["local[1]"]; p2 = rows["local[2]"] / w["local[2]"]
    printf "scaling 1->2 cores, wall:  %.2fx (goal >= 1.8)    per core vs reindex, wall: %.2fx (goal >= 0.8)\n", p2 / p1, p1 / r
    printf "per core vs reindex, CPU:  %.2fx    CPU of local[2] / CPU of local[1]: %.2f\n", (rows["local[1]"] / c["local[1]"]) / (rows["reindex"] / c["reindex"]), c["local[2]"] / c["local[1]"]
    if (("local[1]" in j) && ("local[2]" in j)) printf "scaling 1->2 cores, job time (Spark already started): %.2fx\n", j["local[1]"] / j["local[2]"]
  }' "$results"
