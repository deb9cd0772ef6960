#!/usr/bin/env bash
# Measures cidoctor against grep on the same ~100 MB GitHub Actions log, in the same run:
# whole-process wall time (median of REPS) and peak RSS, a typical ~2 MB log end to end (JVM start
# included), and the in-process throughput of 'cidoctor bench'. Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${CIDOCTOR_SHARED:-../shared}"
REPS="${REPS:-5}"
TARGET_MB="${TARGET_MB:-100}"
BIG=/tmp/cidoctor-bench-${TARGET_MB}mb.log
TYPICAL=/tmp/cidoctor-bench-typical.log

if [[ ! -d "$SHARED/corpus" ]]; then
  echo "bench: $SHARED/corpus is absent; nothing to measure (set CIDOCTOR_SHARED)." >&2
  exit 0
fi
[[ -x /usr/bin/time ]] || { echo "bench: /usr/bin/time is needed (GNU time)." >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[[ -f target/cidoctor.jar ]] || ./mvnw -q -B -DskipTests package
if [[ -x ./cidoctor ]]; then CIDOCTOR=(./cidoctor); else CIDOCTOR=("$JAVA" -XX:+UseSerialGC -Xmx256m -jar target/cidoctor.jar); fi

sources=()
for ds in logdx-ci bugswarm-gha-analyzer pytorch-log-classifier; do
  for f in "$SHARED/corpus/$ds/logs/"*.log; do sources+=("$f"); done
done
if [[ ! -f "$BIG" ]] || (( $(stat -c %s "$BIG") < TARGET_MB * 1000000 )); then
  : > "$BIG"
  while (( $(stat -c %s "$BIG") < TARGET_MB * 1000000 )); do cat "${sources[@]}" >> "$BIG"; done
fi
# typical log: the GitHub Actions corpus logs closest to 2 MB, concatenated once
: > "$TYPICAL"
for f in $(ls -S "${sources[@]}"); do
  cat "$f" >> "$TYPICAL"
  (( $(stat -c %s "$TYPICAL") >= 2000000 )) && break
done
cat "$BIG" "$TYPICAL" > /dev/null # warm the page cache

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() { # prints "seconds peakKB" per repetition
  local i
  for ((i = 0; i < REPS; i++)); do
    # output to a file, not /dev/null: GNU grep stops at the first match when it sees /dev/null
    /usr/bin/time -f '%e %M' -o /tmp/cidoctor-bench.time "$@" > /tmp/cidoctor-bench.out 2>&1 || true
    cat /tmp/cidoctor-bench.time
  done
}

size_mb=$(awk -v b="$(stat -c %s "$BIG")" 'BEGIN {printf "%.1f", b / 1e6}')
echo "log: $BIG ($size_mb MB), $REPS repetitions, median"
grep_runs=$(measure grep -c -i -E 'error|fail' "$BIG")
# Each analysis records into a scratch pattern store, as a user's would into theirs: the cost stays in
# the figures, the bench's logs stay out of ./data/patterns.db.
STORE=/tmp/cidoctor-bench-patterns.db
rm -f "$STORE"
cid_runs=$(measure "${CIDOCTOR[@]}" analyze "$BIG" --format json --db "$STORE")
g_s=$(echo "$grep_runs" | awk '{print $1}' | median); g_kb=$(echo "$grep_runs" | awk '{print $2}' | median)
c_s=$(echo "$cid_runs" | awk '{print $1}' | median); c_kb=$(echo "$cid_runs" | awk '{print $2}' | median)
awk -v gs="$g_s" -v gk="$g_kb" -v cs="$c_s" -v ck="$c_kb" -v mb="$size_mb" 'BEGIN {
  printf "grep -c -i -E error|fail : %6.2f s  %7.0f MB/s  peak RSS %6.1f MB\n", gs, mb / (gs > 0 ? gs : 0.01), gk / 1024
  printf "cidoctor analyze (json) : %6.2f s  %7.0f MB/s  peak RSS %6.1f MB\n", cs, mb / (cs > 0 ? cs : 0.01), ck / 1024
  printf "ratio cidoctor / grep   : %6.1f x\n", cs / (gs > 0 ? gs : 0.01)
}'
# A reference program from bench/, compiled and timed on the same file as grep and cidoctor, run as anyone
# would (default JIT, no launcher options); skipped when there is no javac. Arguments: CLASS LABEL NOTE.
REF_DIR=/tmp/cidoctor-bench-reference
reference() {
  local runs s
  "${JAVA%java}javac" -d "$REF_DIR" "bench/$1.java" 2>/dev/null || return 0
  runs=$(measure "$JAVA" -XX:+UseSerialGC -cp "$REF_DIR" "$1" "$BIG")
  s=$(echo "$runs" | awk '{print $1}' | median)
  awk -v gs="$g_s" -v s="$s" -v mb="$size_mb" -v label="$2" -v note="$3" 'BEGIN {
    printf "%-24s: %6.2f s  %7.0f MB/s  (%.1f x grep; %s)\n", label, s, mb / (s > 0 ? s : 0.01), s / (gs > 0 ? gs : 0.01), note
  }'
}
# The issue's own reference, and the floor: the fastest Java we wrote for grep's job (memory-mapped, a piece per core).
reference NaiveLoop "naive Java readLine loop" "reference only, bench/NaiveLoop.java"
reference GrepFloor "Java floor for grep job" "bench/GrepFloor.java, no analysis"
typ_mb=$(awk -v b="$(stat -c %s "$TYPICAL")" 'BEGIN {printf "%.1f", b / 1e6}')
typ_runs=$(measure "${CIDOCTOR[@]}" analyze "$TYPICAL" --format json --db "$STORE")
echo "typical $typ_mb MB log end to end (JVM start included): $(echo "$typ_runs" | awk '{print $1}' | median) s," \
  "peak RSS $(echo "$typ_runs" | awk '{print $2}' | median | awk '{printf "%.1f", $1 / 1024}') MB"
echo "in-process (cidoctor bench $BIG):"
"$JAVA" -XX:+UseSerialGC -Xmx256m -jar target/cidoctor.jar bench "$BIG" --iterations 3 | sed 's/^/  /'
