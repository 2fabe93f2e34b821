#!/usr/bin/env bash
# Cold-start benchmark. Prints one table:
#   (a) a bare JVM running an empty main;
#   (b) one cold JVM per request: a Create and a Delete of every resource kind (the 1080p MediaLive channel among
#       them), start of the process to its exit after the answer PUT, without SnapStart;
#   (c) the first request after SnapStart priming, in one JVM (what a restored snapshot runs): the handler's time;
# each with the median and the spread (min-max) over RUNS runs, the peak RSS, and the ratio of the median to (a).
# JVM flags as Lambda's java21 runtime sets them, heap 85 % of the function's MemorySize (from the template).
# AWS is a stand-in on 127.0.0.1 (the jar's LoopbackAws, serving the answers SnapStart priming uses) and so is the
# ResponseURL: nothing leaves the machine, and no TLS is involved. It is a script that prints figures, not a test:
# compare runs on the same machine.
#
#   deployment/benchmark/cold-start.sh            (needs target/live-streaming-on-aws.jar: mvn -B -DskipTests package)
#   RUNS=20 PRIMED_RUNS=10 MEMORY_MB=1024 JAVA=/path/to/java JAR=other.jar deployment/benchmark/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-10}"
primed_runs="${PRIMED_RUNS:-$runs}"
java="${JAVA:-java}"
javac="$(dirname "$(command -v "$java")")/javac"
jar="${JAR:-target/live-streaming-on-aws.jar}"
[ -f "$jar" ] || { echo "no $jar: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed to pick the events and compute the table" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time (Debian package 'time') is needed for the peak RSS" >&2; exit 1; }
memory="${MEMORY_MB:-$(sed -n 's/^ *MemorySize: *\([0-9]*\).*/\1/p' deployment/live-streaming-on-aws.yaml | head -1)}"
flags=(-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-Xmx$((memory * 85 / 100))m")

work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
"$javac" -d "$work/classes" -cp "$jar" deployment/benchmark/ColdStartRun.java deployment/benchmark/Empty.java
"$java" -cp "$jar" com.amazonaws.livestreaming.snapstart.LoopbackAws "$work/port" &
server=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "the stand-in did not start" >&2; exit 1; }
stand_in="http://127.0.0.1:$(cat "$work/port")"

cases=(MediaPackageChannel-Create MediaPackageEndpoint-Create-HLS MediaLiveInput-Create-URL_PULL
       MediaLiveChannel-Create DemoConsole-Create DemoConsole-Delete MediaLiveChannel-Delete MediaLiveInput-Delete
       MediaPackageEndpoint-Delete MediaPackageChannel-Delete)
unzip -p "$jar" snapstart/events.json | python3 -c '
import json, sys
work, stand_in = sys.argv[1], sys.argv[2]
for sample in json.load(sys.stdin):
    event = dict(sample["event"], ResponseURL=stand_in + "/cloudformation-response/" + sample["name"]
                 + "?X-Amz-Expires=7200&X-Amz-Signature=benchmark")
    with open(work + "/" + sample["name"] + ".json", "w") as f:
        json.dump(event, f)
' "$work" "$stand_in"

export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIDBENCHMARKEXAMPLE AWS_SECRET_ACCESS_KEY=benchmarkExampleSecretKey0000000000000
unset AWS_ENDPOINT_URL

# run LABEL RUNS COMMAND...: appends "label<TAB>ms<TAB>peak-KiB user-s sys-s" per run to $work/results
run() {
  local label=$1 n=$2
  shift 2
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
    printf '%s\t%s\t%s\n' "$label" "$(( (end - start) / 1000000 ))" "$(tail -1 "$work/rss")" >>"$work/results"
  done
}
# primed LABEL RUNS EVENT: the handler's own time of the first request after priming, and the process's peak RSS
primed() {
  local label=$1 n=$2 event=$3
  for _ in $(seq "$n"); do
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$java" "${flags[@]}" -cp "$jar:$work/classes" ColdStartRun primed \
      "$stand_in" "$event" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$label" "$(tail -1 "$work/out")" "$(tail -1 "$work/rss")" >>"$work/results"
  done
}

echo "jar: $(du -k "$jar" | cut -f1) KiB; java: $("$java" -version 2>&1 | head -1); flags: ${flags[*]}; $runs runs (c: $primed_runs)" >&2
run "(a) bare JVM, empty main" "$runs" "$java" "${flags[@]}" -cp "$work/classes" Empty
for name in "${cases[@]}"; do
  echo "(b) $name" >&2
  run "(b) cold: $name" "$runs" "$java" "${flags[@]}" -cp "$jar:$work/classes" ColdStartRun cold "$stand_in" \
    "$work/$name.json"
done
for name in "${cases[@]}"; do
  echo "(c) $name" >&2
  primed "(c) primed, first request: $name" "$primed_runs" "$work/$name.json"
done

python3 - "$work/results" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, ms, usage = line.rstrip("\n").split("\t")
    rss, user, system = usage.split()
    rows.setdefault(label, []).append((float(ms), int(rss), float(user) + float(system)))
bare = statistics.median(ms for ms, _, _ in rows["(a) bare JVM, empty main"])
bare_cpu = statistics.median(cpu for _, _, cpu in rows["(a) bare JVM, empty main"])
print("| case | runs | median wall | spread (min-max) | peak RSS | x bare JVM | process CPU (x bare) |")
print("|---|---|---|---|---|---|---|")
for label, values in rows.items():
    times = [ms for ms, _, _ in values]
    median = statistics.median(times)
    cpu = statistics.median(c for _, _, c in values)
    print(f"| {label} | {len(times)} | {median / 1000:.3f} s | {min(times) / 1000:.3f}-{max(times) / 1000:.3f} s "
          f"| {max(rss for _, rss, _ in values) / 1024:.0f} MiB | {median / bare:.1f} | {cpu:.2f} s "
          f"({cpu / bare_cpu:.1f}) |")
EOF
