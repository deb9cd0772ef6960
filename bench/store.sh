#!/usr/bin/env bash
# Pattern store benchmark: fills a SQLite file (and a PostgreSQL database when BENCH_DATABASE_URL is a
# jdbc:postgresql URL of an empty database) with FAILURES failed jobs (default 1,000,000), prints how
# long statistics, one fingerprint's history, a pattern's detail, a verdict and one more recordRun
# take in-process, then the whole-process time of `cidoctor patterns --stats` (text and JSON) on the
# SQLite file.
# A filled store is reused by later runs. Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
FAILURES="${FAILURES:-1000000}"
DB="${BENCH_SQLITE:-/tmp/cidoctor-bench-store/patterns.db}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]] && JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
[[ -f target/cidoctor.jar ]] || ./mvnw -q -B -DskipTests package
run() { "$JAVA" -Xmx512m --enable-native-access=ALL-UNNAMED -cp target/cidoctor.jar dev.cidoctor.store.jdbc.StoreBench "$@"; }

echo "== SQLite ($DB)"
run sqlite "$DB" "$FAILURES"
if [[ "${BENCH_DATABASE_URL:-}" == jdbc:postgresql:* ]]; then
  echo "== PostgreSQL"
  run postgresql "$BENCH_DATABASE_URL" "$FAILURES"
fi

CIDOCTOR=(./cidoctor)
[[ -x ./cidoctor ]] || CIDOCTOR=("$JAVA" -jar target/cidoctor.jar)
for format in text json; do
  echo "== whole process: cidoctor patterns --stats --since 30d --format $format (SQLite, 5 runs, ms)"
  times=()
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "${CIDOCTOR[@]}" patterns --stats --db "$DB" --since 2026-10-29 --format "$format" >/dev/null
    times+=($(( ($(date +%s%N) - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' '; echo
done
