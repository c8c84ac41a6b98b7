#!/usr/bin/env bash
# Anonymizing a 1,000,000-record NDJSON export of users: fieldguard vs the common Python
# approach (json + Faker) vs Presidio, with wall time, records/s, MB/s and peak RSS.
#
#   bash benches/anonymize.sh              # 1M records: fieldguard (default threads, --threads 1),
#                                          # python+faker on all of it, Presidio on a slice
#   bash benches/anonymize.sh --gb         # also a ~1 GB file through fieldguard: peak RSS
#                                          # stays flat (streaming), whatever the input size
#   RECORDS=100000 PRESIDIO_RECORDS=5000 bash benches/anonymize.sh   # smaller, quicker
#   bash benches/anonymize.sh --no-baselines   # fieldguard only
#
# Data: benches/data/gen_users.py (seeded; generated into target/bench-data/ once, reused).
# Policy: benches/data/users-policy.json (per-field operators + a pii scan of everything else,
# i.e. the notes). Keyring: a throwaway one made with `fieldguard keygen` for this run.
# fieldguard runs as `fieldguard anonymize` when the binary has that command, else as
# `fieldguard check --policy --keyring` (the same policy engine, single-threaded, one record
# at a time). Baselines: benches/python_faker.py and benches/presidio_anonymize.py in
# target/eval-venv (benches/setup-venv.sh, pinned versions).
# Wall time and peak RSS of every run come from benches/measure.py (getrusage of the child),
# so all tools are measured the same way, process start and imports included; CPU s (user +
# system) / wall s shows how much of a run was parallel. Raw logs:
# target/bench-anonymize/. Prints numbers; asserts nothing about speed (only that every run
# succeeded and wrote one output line per input record).
set -euo pipefail
cd "$(dirname "$0")/.."

GB=0
BASELINES=1
for arg in "$@"; do
  case "$arg" in
    --gb) GB=1 ;;
    --no-baselines) BASELINES=0 ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "anonymize.sh: unknown argument $arg (see --help)" >&2; exit 2 ;;
  esac
done
RECORDS=${RECORDS:-1000000}
PRESIDIO_RECORDS=${PRESIDIO_RECORDS:-20000}
GB_BYTES=${GB_BYTES:-1000000000}
POLICY=benches/data/users-policy.json
out=target/bench-anonymize
mkdir -p "$out" target/bench-data
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fg-bench-anonymize.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

gen() { # gen FILE ARGS...: generate FILE once (the generator is deterministic)
  local file=$1
  shift
  if [ ! -f "$file" ]; then
    echo "== generating $file" >&2
    python3 benches/data/gen_users.py "$@" --out "$file"
  fi
}
data=target/bench-data/users-$RECORDS.ndjson
gen "$data" --records "$RECORDS"

echo "== cargo build --release --features cli" >&2
cargo build --release --quiet --features cli --bin fieldguard
FG=target/release/fieldguard
"$FG" keygen -o "$tmp/keyring.json" 2>/dev/null
if "$FG" anonymize --help >/dev/null 2>&1; then MODE=anonymize; else MODE=check; fi

# One table row per run: label|records|bytes|wall_s|maxrss_kib|cpu_s
rows=()
lines() { wc -l < "$1" | tr -d ' '; }
measure() { # measure LABEL INPUT LOG CMD...: run, check, append a row
  local label=$1 input=$2 log=$3
  shift 3
  local m
  echo "== $label" >&2
  m=$(python3 benches/measure.py --log "$log" -- "$@") || {
    echo "anonymize.sh: '$label' failed ($m), see $log:" >&2
    tail -5 "$log" >&2
    exit 1
  }
  local wall rss cpu
  wall=$(sed -E 's/.*wall_s=([0-9.]+).*/\1/' <<< "$m")
  cpu=$(sed -E 's/.*cpu_s=([0-9.]+).*/\1/' <<< "$m")
  rss=$(sed -E 's/.*maxrss_kib=([0-9]+).*/\1/' <<< "$m")
  rows+=("$label|$(lines "$input")|$(stat -c %s "$input")|$wall|$rss|$cpu")
  echo "   $m" >&2
}
run_fieldguard() { # run_fieldguard LABEL INPUT [--threads N]
  local label=$1 input=$2
  shift 2
  local name log=$out/$(tr ' ,=' '___' <<< "$label" | tr -cd 'A-Za-z0-9_.-').log
  name=$(basename "$input")
  rm -rf "$tmp/out" && mkdir -p "$tmp/out"
  if [ "$MODE" = anonymize ]; then
    measure "$label" "$input" "$log" "$FG" anonymize --policy "$POLICY" --keyring "$tmp/keyring.json" \
      "$@" "$input" --out "$tmp/out"
  else
    measure "$label" "$input" "$log" "$FG" check --policy "$POLICY" --keyring "$tmp/keyring.json" \
      --in "$input" --out "$tmp/out/$name"
  fi
  if [ "$(lines "$tmp/out/$name")" != "$(lines "$input")" ]; then
    echo "anonymize.sh: $label wrote $(lines "$tmp/out/$name") records for $(lines "$input")" >&2
    exit 1
  fi
  # A spot check that the run did anonymize: the first record's email must be gone.
  local email
  email=$(head -1 "$input" | sed -nE 's/.*"email":"([^"]+)".*/\1/p')
  if [ -n "$email" ] && head -1 "$tmp/out/$name" | grep -qF "$email"; then
    echo "anonymize.sh: $label left the first record's email in clear" >&2
    exit 1
  fi
  rm -rf "$tmp/out"
}

if [ "$MODE" = anonymize ]; then
  run_fieldguard "fieldguard anonymize, $(nproc) threads" "$data"
  run_fieldguard "fieldguard anonymize --threads 1" "$data" --threads 1
else
  echo "note: this fieldguard has no 'anonymize' command yet; measuring 'fieldguard check' (single-threaded)" >&2
  run_fieldguard "fieldguard check (1 thread)" "$data"
fi
fg_row=${rows[0]}
fg1_row=${rows[${#rows[@]} - 1]}

if [ "$GB" = 1 ]; then
  gbdata=target/bench-data/users-${GB_BYTES}b.ndjson
  gen "$gbdata" --bytes "$GB_BYTES"
  if [ "$MODE" = anonymize ]; then
    run_fieldguard "fieldguard anonymize, $(nproc) threads, ~1 GB" "$gbdata"
  else
    run_fieldguard "fieldguard check (1 thread), ~1 GB" "$gbdata"
  fi
fi

faker_row=""
presidio_line=""
if [ "$BASELINES" = 1 ]; then
  bash benches/setup-venv.sh >&2
  PY=target/eval-venv/bin/python
  measure "python json + Faker (name, email only)" "$data" "$out/python_faker.log" \
    "$PY" benches/python_faker.py "$data" --out "$tmp/faker.ndjson"
  faker_row=${rows[${#rows[@]} - 1]}
  rm -f "$tmp/faker.ndjson"
  echo "== presidio, notes of the first $PRESIDIO_RECORDS records" >&2
  "$PY" benches/presidio_anonymize.py "$data" --records "$PRESIDIO_RECORDS" \
    --extrapolate "$(lines "$data")" | tee "$out/presidio.log" >&2
  presidio_line=$(tail -1 "$out/presidio.log")
fi

# ---- the table
field() { cut -d'|' -f"$2" <<< "$1"; }
rate() { awk -v n="$1" -v t="$2" 'BEGIN { printf "%.0f", n / t }'; }
mbs() { awk -v b="$1" -v t="$2" 'BEGIN { printf "%.2f", b / 1e6 / t }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
echo
printf '| %-46s | %9s | %8s | %7s | %9s | %6s | %10s |\n' run records "wall s" "CPU s" records/s MB/s "peak RSS"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..48})" "$(printf -- '-%.0s' {1..11})" \
  "$(printf -- '-%.0s' {1..10})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..11})" \
  "$(printf -- '-%.0s' {1..8})" "$(printf -- '-%.0s' {1..12})"
for row in "${rows[@]}"; do
  n=$(field "$row" 2) b=$(field "$row" 3) t=$(field "$row" 4) k=$(field "$row" 5) c=$(field "$row" 6)
  printf '| %-46s | %9s | %8.1f | %7.1f | %9s | %6s | %6s MiB |\n' "$(field "$row" 1)" "$n" "$t" "$c" \
    "$(rate "$n" "$t")" "$(mbs "$b" "$t")" "$(mib "$k")"
done
if [ -n "$presidio_line" ]; then
  pn=$(sed -nE 's/.*notes of the first ([0-9]+) records.*/\1/p' <<< "$presidio_line")
  pt=$(sed -nE 's/.* in ([0-9.]+) s: .*/\1/p' <<< "$presidio_line")
  pr=$(sed -nE 's/.* ([0-9]+) records\/s.*/\1/p' <<< "$presidio_line")
  pm=$(sed -nE 's/.* ([0-9.]+) MB\/s of records.*/\1/p' <<< "$presidio_line")
  prss=$(sed -nE 's/.*peak RSS ([0-9]+) MiB.*/\1/p' <<< "$presidio_line")
  pest=$(sed -nE 's/.*extrapolated [0-9]+ records: ([0-9]+) s.*/\1/p' <<< "$presidio_line")
  printf '| %-46s | %9s | %8.1f | %7s | %9s | %6s | %6s MiB |\n' "Presidio, notes only (slice)" "$pn" "$pt" "" "$pr" "$pm" "$prss"
  printf '| %-46s | %9s | %8s | %7s | %9s | %6s | %10s |\n' "  ... extrapolated to the whole file" "$(lines "$data")" "$pest" "" "$pr" "$pm" ""
fi
echo
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
fg_rate=$(rate "$(field "$fg_row" 2)" "$(field "$fg_row" 4)")
fg1_rate=$(rate "$(field "$fg1_row" 2)" "$(field "$fg1_row" 4)")
ratios() { # ratios BASELINE_RATE: "Nx (default run), Mx (1 thread)"
  local s
  s="$(ratio "$fg_rate" "$1")x ($(field "$fg_row" 1))"
  if [ "$fg_row" != "$fg1_row" ]; then s="$s, $(ratio "$fg1_rate" "$1")x (--threads 1)"; fi
  echo "$s"
}
if [ -n "$faker_row" ]; then
  echo "ratio fieldguard / python+faker (records/s): $(ratios "$(rate "$(field "$faker_row" 2)" "$(field "$faker_row" 4)")")"
fi
if [ -n "$presidio_line" ]; then
  echo "ratio fieldguard / Presidio (records/s):     $(ratios "$pr")"
fi
echo "fieldguard: every field by the policy + pii scan of all other strings (keyed, consistent pseudonyms);"
echo "python+faker: name and email only, random (not consistent), notes untouched; Presidio: notes only, replace."
echo "Presidio's row: its own timing of the slice (after imports and a warm-up), not benches/measure.py."
echo "machine: $(nproc) cores ($(sed -nE 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), shared with other jobs;"
echo "input $data ($(stat -c %s "$data") bytes); raw logs in $out/"
