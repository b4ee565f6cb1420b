#!/usr/bin/env bash
# Builds and runs the benchmarks: ./benchmarks/run.sh [quick|full] [WORKLOAD...]
# quick: N = 100 and 1,000 (about 7 minutes on 2 cores); full: N = 10 to 10,000 (about an hour).
# Needs PostgreSQL on 127.0.0.1:5432 (database test, user postgres), or -Dbulklazy.bench.postgresql.url=...
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package
java ${JAVA_OPTS:-} -jar benchmarks/target/benchmarks.jar "${1:-quick}" "${@:2}"
