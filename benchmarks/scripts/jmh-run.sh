# Sourced by the benchmarks/scripts/run-*.sh scripts after they set BENCHMARK (the JMH include) and RESULT_NAME: builds the
# benchmark jar, runs the benchmark and leaves json, report, day, commit, jmh_options, load_before and load_after for
# the caller's report.
# Environment (defaults in brackets):
#   JMH_WARMUP_ITERATIONS [3]  JMH_WARMUP_TIME [2s]  JMH_ITERATIONS [5]  JMH_TIME [2s]  JMH_FORKS [1]
#   JMH_INCLUDE [the script's benchmark]  RESULTS_DIR [benchmarks/results]  SKIP_BUILD [unset: build first]
#   JMH_LOCK_WAIT_SECONDS [900]: how long to wait while another JMH run on this machine holds /tmp/jmh.lock

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

include="${JMH_INCLUDE:-$BENCHMARK}"
results_dir="${RESULTS_DIR:-benchmarks/results}"
day="$(date +%F)"
json="$results_dir/$day-$RESULT_NAME.json"
report="$results_dir/$day-$RESULT_NAME.md"
jmh_options=(-wi "${JMH_WARMUP_ITERATIONS:-3}" -w "${JMH_WARMUP_TIME:-2s}" -i "${JMH_ITERATIONS:-5}"
    -r "${JMH_TIME:-2s}" -f "${JMH_FORKS:-1}" "$@")

if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is needed to turn the JMH JSON into the report" >&2
    exit 1
fi

if [[ -z "${SKIP_BUILD:-}" ]]; then
    mvn -B -q -pl benchmarks/jmh -am package -DskipTests
fi

# JMH refuses to start while another run holds its lock; overlapping runs would skew both, so wait for it.
run_jmh() {
    local log deadline
    log="$(mktemp)"
    deadline=$((SECONDS + ${JMH_LOCK_WAIT_SECONDS:-900}))
    while true; do
        if java -jar benchmarks/jmh/target/benchmarks.jar "$@" 2>&1 | tee "$log"; then
            rm -f "$log"
            return 0
        fi
        if ! grep -q "Unable to acquire the JMH lock" "$log" || ((SECONDS >= deadline)); then
            rm -f "$log"
            return 1
        fi
        echo "Another JMH run holds /tmp/jmh.lock; trying again in 15 s" >&2
        sleep 15
    done
}

mkdir -p "$results_dir"
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
run_jmh "$include" "${jmh_options[@]}" -rf json -rff "$json"
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

commit="$(git rev-parse --short HEAD)"
if ! git diff --quiet HEAD -- . ':!benchmarks/results'; then
    commit="$commit (with uncommitted changes)"
fi
