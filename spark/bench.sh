#!/usr/bin/env bash
# Throughput of `newsarc reindex` against `newsarc-spark extract` in local mode with 1 and 2
# cores, and the two goal ratios, in one command. Usage, from the repository root:
#   spark/bench.sh [PAGES] [RUNS] [SOURCE] [FILE_MB]
# writes PAGES responses (default 12000: rounds of the real pages of the corpora under SOURCE,
# default ../shared/eval, each copy after the first with its own URL and payload; seeds/site for
# the demo pages) into gzipped WARC files of FILE_MB megabytes (default 32) with their CDXJ
# indexes, under target/spark-bench/ (reused while the parameters stay the same). Then RUNS
# rounds (default 3) of: reindex over the first WARC file (reindex assigns story clusters as it
# goes, a cost that grows with the catalog, so the whole set would take it many minutes; its
# pages/s on a first part is, if anything, in its favour), and newsarc-spark extract with
# --master local[1] and local[2] over all files, in turn (1, 2 in odd rounds, 2, 1 in even ones,
# so that a load that rises or falls through the bench weighs on both alike). Prints each run:
# wall and CPU seconds (user+sys, children included), the job's own time (Spark already up, as
# newsarc-spark reports it), how busy the cores were with tasks, and the load average. Then the
# median and the range over the rounds of each figure, and the goal ratios:
#   scaling 1->2 cores  = local[2] pages/s / local[1] pages/s     (goal >= 1.8)
#   per core vs reindex = local[1] pages/s / reindex pages/s      (goal >= 0.8)
# by the job's time (what the issue asks: pages/s of the job; starting a JVM and Spark is the
# same few seconds at any core count), by wall time (start-up included), and per round (the two
# runs of one round are minutes apart, so they share most of the machine's load). And the
# scaling the job's parallelism allows, from how much of each job the cores ran tasks (the rest
# is driver work between stages and idle cores at the end of one), which other processes on the
# machine disturb far less than the times.
set -euo pipefail
cd "$(dirname "$0")/.."
pages="${1:-12000}"
runs="${2:-3}"
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
spark_run() { # MASTER RUN
  local m=$1 run=$2 t rows job busy
  rm -rf "$work/out"
  ./newsarc-spark --version >/dev/null 2>&1
  t=$( { time pin "${m//[^0-9]/}" ./newsarc-spark extract --master "$m" --input "$work/warcs" \
      --output "$work/out" >"$work/spark.out" 2>&1; } 2>&1 | tail -1)
  rows=$(grep -o '[0-9]* row(s) written' "$work/spark.out" | cut -d' ' -f1)
  job=$(grep -o 'the job took [0-9.]*' "$work/spark.out" | grep -o '[0-9.]*$')
  busy=$(grep -o 'busy with tasks [0-9]*%' "$work/spark.out" | grep -o '[0-9]*')
  echo "$m  run $run  real/user/sys $t  load $(cut -d' ' -f1 /proc/loadavg)  $(grep '^Splits' "$work/spark.out")  cores busy ${busy:-?}%"
  echo "$m $t ${rows:-0} ${job:-0} $run ${busy:-0}" >>"$results"
}
for run in $(seq "$runs"); do
  rm -f "$work"/first/newsarc.db*
  ./newsarc --version >/dev/null 2>&1 # a rebuild, if sources changed, is not timed
  t=$( { time pin 1 ./newsarc reindex --archive "$work/first" >"$work/reindex.out" 2>&1; } 2>&1 | tail -1)
  rows=$(grep -o '[0-9]* article(s) extracted' "$work/reindex.out" | cut -d' ' -f1)
  echo "reindex   run $run  real/user/sys $t  load $(cut -d' ' -f1 /proc/loadavg)  $(head -1 "$work/reindex.out")"
  echo "reindex $t ${rows:-0} 0 $run" >>"$results"
  if [ $((run % 2)) -eq 1 ]; then order='local[1] local[2]'; else order='local[2] local[1]'; fi
  for m in $order; do
    spark_run "$m" "$run"
  done
done
awk '
  function median(a, n,   i, j, t, b) { # sorts a copy of a[1..n]
    for (i = 1; i <= n; i++) b[i] = a[i]
    for (i = 2; i <= n; i++) { t = b[i]; for (j = i - 1; j >= 1 && b[j] > t; j--) b[j + 1] = b[j]; b[j + 1] = t }
    lo = b[1]; hi = b[n]
    return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
  }
  function line(label, a, n, goal,   m) {
    m = median(a, n)
    printf "%-44s median %7.2f  range %7.2f - %7.2f  (%d run(s))%s\n", label, m, lo, hi, n, goal
    return m
  }
  { k = $1; rows[k] = $5; n = ++count[k]; rnd = $7
    wall[k, n] = $5 / $2; cpu[k, n] = $5 / ($3 + $4)
    if ($6 > 0) job[k, n] = $5 / $6
    if (k != "reindex") { jobs[k, rnd] = ($6 > 0) ? $5 / $6 : 0; walls[k, rnd] = $5 / $2; busy[k, n] = $8 } }
  END {
    split("reindex local[1] local[2]", order, " ")
    for (i = 1; i <= 3; i++) { k = order[i]; n = count[k]
      printf "%s: %d pages\n", k, rows[k]
      for (r = 1; r <= n; r++) a[r] = wall[k, r]; med[k, "wall"] = line("  pages/s by wall time", a, n, "")
      for (r = 1; r <= n; r++) a[r] = cpu[k, r]; med[k, "cpu"] = line("  pages per CPU second", a, n, "")
      if (k != "reindex") { for (r = 1; r <= n; r++) a[r] = job[k, r]; med[k, "job"] = line("  pages/s by job time", a, n, "")
        for (r = 1; r <= n; r++) a[r] = busy[k, r]; med[k, "busy"] = line("  % of the job the cores ran tasks", a, n, "") } }
    n = 0
    for (r = 1; r <= count["local[1]"]; r++) if (jobs["local[1]", r] > 0 && jobs["local[2]", r] > 0) {
      n++; a[n] = jobs["local[2]", r] / jobs["local[1]", r]; w[n] = walls["local[2]", r] / walls["local[1]", r] }
    print "goals:"
    printf "  scaling 1->2 cores, medians by job time:   %.2fx (goal >= 1.8)\n", med["local[2]", "job"] / med["local[1]", "job"]
    printf "  scaling 1->2 cores, medians by wall time:  %.2fx\n", med["local[2]", "wall"] / med["local[1]", "wall"]
    if (n > 0) { line("  scaling 1->2 cores within a round, job", a, n, "")
      for (r = 1; r <= n; r++) a[r] = w[r]; line("  scaling 1->2 cores within a round, wall", a, n, "") }
    if (med["local[1]", "busy"] > 0)
      printf "  scaling the tasks allow, 2 x busy[2] / busy[1]: %.2fx (if a task costs the same on 1 and 2 cores)\n", 2 * med["local[2]", "busy"] / med["local[1]", "busy"]
    printf "  per core vs reindex, medians by wall time: %.2fx (goal >= 0.8)\n", med["local[1]", "wall"] / med["reindex", "wall"]
    printf "  per core vs reindex, medians by CPU time:  %.2fx\n", med["local[1]", "cpu"] / med["reindex", "cpu"]
    printf "  CPU of local[2] / CPU of local[1] (medians): %.2f\n", med["local[1]", "cpu"] / med["local[2]", "cpu"]
  }' "$results"
