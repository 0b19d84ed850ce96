#!/usr/bin/env bash
# Throughput of `newsarc reindex` against `newsarc-spark extract` in local mode with 1 and 2
# cores, over the same WARC files. Usage, from the repository root:
#   spark/bench.sh [COPIES] [RUNS]
# writes COPIES rounds of the demo site's pages (14 each, every payload distinct) into
# target/spark-bench/warcs, then times RUNS runs of each; prints wall and CPU seconds
# (user+sys, children included) and the machine's load average at the end of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-1500}"
runs="${2:-3}"
work="$PWD/target/spark-bench"
./newsarc --version >/dev/null
./newsarc-spark --version >/dev/null 2>&1
if [ ! -d "$work/warcs" ]; then
  java -cp "spark/target/test-classes:spark/target/newsarc-spark.jar:$(cat spark/target/classpath.txt)" \
    org.newsarc.spark.BenchArchive "$work" "$copies"
fi
TIMEFORMAT='%R %U %S'
for run in $(seq "$runs"); do
  rm -f "$work"/newsarc.db*
  t=$( { time ./newsarc reindex --archive "$work" >"$work/reindex.out" 2>&1; } 2>&1 )
  echo "reindex  run $run  real/user/sys $t  load $(cut -d' ' -f1 /proc/loadavg)  $(head -1 "$work/reindex.out")"
  for m in 'local[1]' 'local[2]'; do
    rm -rf "$work/out"
    t=$( { time ./newsarc-spark extract --master "$m" --input "$work/warcs" --output "$work/out" \
        >"$work/spark.out" 2>&1; } 2>&1 )
    echo "$m run $run  real/user/sys $t  load $(cut -d' ' -f1 /proc/loadavg)  $(grep '^Read' "$work/spark.out")"
  done
done
