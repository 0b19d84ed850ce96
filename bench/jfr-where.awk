#!/usr/bin/awk -f
# Reads `jfr print --stack-depth 64 --events jdk.ExecutionSample` and prints the share of CPU
# samples by the newsarc class nearest the sampled frame (or, when no newsarc frame is on the
# stack, the package of the sampled frame, e.g. the JDK HTTP client's own threads).
/^jdk.ExecutionSample/ { inside = 1; where = ""; leaf = ""; next }
inside && /^[[:space:]]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/ {
  frame = $1; sub(/\(.*/, "", frame)
  cls = frame; sub(/\.[^.]*$/, "", cls)
  if (leaf == "") { leaf = cls; sub(/\.[^.]*$/, "", leaf) }
  if (where == "" && cls ~ /^org\.newsarc\./) where = cls
  next
}
inside && /^}/ {
  inside = 0; total++
  key = where != "" ? where : "(no newsarc frame) " leaf
  n[key]++
}
END {
  for (k in n) printf "%5.1f%%  %s\n", 100 * n[k] / total, k | "sort -rn"
  close("sort -rn")
  printf "%d samples\n", total
}
