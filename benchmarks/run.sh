#!/usr/bin/env bash
# Builds and runs the benchmarks: ./benchmarks/run.sh [quick|full|latency|chunks|startup] [WORKLOAD...]
# quick: PostgreSQL at N = 1,000 and paired ratios (about 8 minutes on 2 cores); latency: PostgreSQL
# 0, 0.5 and 1 ms away; chunks: the chunk-size curve; full: all of them, N = 10 to 10,000 (about an hour).
# Needs PostgreSQL on 127.0.0.1:5432 (database test, user postgres), or -Dbulklazy.bench.postgresql.url=...
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package
java ${JAVA_OPTS:-} -jar benchmarks/target/benchmarks.jar "${1:-quick}" "${@:2}"
