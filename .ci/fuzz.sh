#!/usr/bin/env bash
# Fuzz every target in fuzz/fuzz_targets/ for a bounded time and print one
# line per target: executions, exec/s, coverage (cov, ft) and the result.
#
#   bash .ci/fuzz.sh                       # CI: every target, 6 s each
#   bash .ci/fuzz.sh --seconds 600 detect  # longer, only these targets
#
# Builds once on the stable toolchain without a sanitizer (`cargo fuzz build
# --sanitizer none`, release with debug assertions), seeds the corpora from
# the repository's test data (fuzz/seeds.py), then runs the targets one
# after the other — never two fuzzers at once. Fails (non-zero) if any
# target crashes, panics, exceeds the memory limits or times out; the
# crashing input is in fuzz/artifacts/<target>/ and the log in
# fuzz/target/logs/<target>.log. Everything generated (fuzz/target,
# fuzz/corpus, fuzz/artifacts) is ignored by git.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=6
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --seconds=*) seconds=${1#--seconds=}; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
case $seconds in ''|*[!0-9]*|0) echo "--seconds must be a positive integer" >&2; exit 2 ;; esac

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: run .ci/install-tools.sh" >&2; exit 1
fi

all_targets=$(cd fuzz/fuzz_targets && ls -- *.rs | sed 's/\.rs$//')
[ ${#targets[@]} -gt 0 ] || read -r -d '' -a targets <<<"$all_targets" || true
for t in "${targets[@]}"; do
  grep -qx -- "$t" <<<"$all_targets" || { echo "no fuzz target '$t' (have: $(echo $all_targets))" >&2; exit 2; }
done

# The largest input libFuzzer may generate, per target: enough for the
# structure each one parses (a path, a policy and a record, a record file),
# small enough that executions stay fast.
max_len() {
  case $1 in
    field_path) echo 256 ;;
    token|validate) echo 512 ;;
    text_security|pii_operator) echo 1024 ;;
    policy_apply|stream_process|html_sanitize) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

# All targets in one cargo invocation (it builds one or all); an unchanged
# build takes seconds.
echo "[fuzz] building the fuzz targets (stable, --sanitizer none, release + debug assertions)"
mkdir -p fuzz/target/logs
cargo fuzz build --sanitizer none --debug-assertions >fuzz/target/logs/build.log 2>&1 \
  || { tail -40 fuzz/target/logs/build.log >&2; exit 1; }
python3 fuzz/seeds.py >/dev/null

host=$(rustc -vV | sed -n 's/^host: //p')
bin_dir=fuzz/target/$host/release
# The stream target runs records on rayon's pool: one worker, so one fuzzer
# is one busy core.
export RAYON_NUM_THREADS=1

failed=()
printf '\n%-16s %12s %9s %6s %7s %6s  %s\n' target executions exec/s cov ft corpus result
for t in "${targets[@]}"; do
  log=fuzz/target/logs/$t.log
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  status=0
  "$bin_dir/$t" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 \
    -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status)"
    failed+=("$t")
  fi
  printf '%-16s %12s %9s %6s %7s %6s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
  if [ "$status" -ne 0 ]; then
    # libFuzzer's report: the panic or signal, and where the input was saved.
    grep -E "panicked|ERROR: libFuzzer|SUMMARY|Test unit written|==[0-9]+==" "$log" | head -8 | sed 's/^/    /'
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "[fuzz] failed: ${failed[*]} (inputs in fuzz/artifacts/, logs in fuzz/target/logs/)"
  exit 1
fi
echo "[fuzz] ${#targets[@]} targets, ${seconds} s each: no crashes"
