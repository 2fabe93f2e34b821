#!/usr/bin/env bash
# Cold-start benchmark: runs the built jar's handler N times, each in a fresh JVM (as a Lambda cold start does),
# on a Delete event for a MediaPackage endpoint, against a local stand-in for AWS and for the ResponseURL.
# Prints the jar size and the wall time of each run, then min / median / max. It is a script that prints figures,
# not a timed test: compare runs on the same machine, before and after a change.
#
#   deployment/benchmark/cold-start.sh [RUNS] [extra JVM options...]
#   e.g. deployment/benchmark/cold-start.sh 10 -XX:TieredStopAtLevel=1
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-10}"
shift || true
jar=target/live-streaming-on-aws.jar
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed for the local stand-in server" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 deployment/benchmark/stand-in-server.py "$work/port" &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
sed "s#http://127.0.0.1:8080#http://127.0.0.1:$port#" src/test/resources/events/delete-mediapackage-endpoint.json \
  > "$work/event.json"

export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1
export AWS_ACCESS_KEY_ID=AKIDEXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIEXAMPLEKEY
echo "jar: $(du -k "$jar" | cut -f1) KiB, $(unzip -l "$jar" | tail -1 | awk '{print $2}') entries"
echo "java: $(java -version 2>&1 | head -1); JVM options: ${*:-(none)}"
times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  java "$@" -jar "$jar" invoke "$work/event.json" --remaining-ms 60000 >/dev/null 2>"$work/err" \
    || { cat "$work/err" >&2; exit 1; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "min %d ms, median %d ms, max %d ms over %d runs\n", a[1], a[int((NR+1)/2)], a[NR], NR}'
