#!/usr/bin/env bash
# PII scan throughput in three runtimes on the same two inputs, then one table:
#   native   cargo bench --bench pii            (benches/pii.rs)
#   node     node benches/node/pii.mjs          (the wasm build, pkg/nodejs)
#   presidio benches/presidio_scan.py           (Presidio's pattern recognizers, Python)
# Inputs: tests/eval/corpus.jsonl, one scan per sample; and the ~1 MB mixed text of
# benches/pii.rs (copied into the other two; their SHA-256s are compared below).
# Builds what is missing: pkg/nodejs via .ci/build-wasm.sh (only if absent: it takes
# minutes; rebuild it yourself after changing the core), the Presidio venv via
# tests/eval/setup.sh. Prints numbers; asserts nothing about speed.
#
#   bash benches/pii-all.sh                  # everything
#   PRESIDIO_BUDGET=20 bash benches/pii-all.sh   # seconds Presidio may spend on the mixed text (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-pii
mkdir -p "$out"

echo "== native: cargo bench --bench pii" >&2
cargo bench --quiet --bench pii | tee "$out/native.txt"

echo "== node: benches/node/pii.mjs" >&2
if [ ! -f pkg/nodejs/fieldguard.js ]; then
  echo "pkg/nodejs missing: bash .ci/build-wasm.sh" >&2
  bash .ci/build-wasm.sh
fi
node benches/node/pii.mjs | tee "$out/node.txt"

echo "== presidio: benches/presidio_scan.py" >&2
bash tests/eval/setup.sh >&2
target/eval-venv/bin/python benches/presidio_scan.py --budget "${PRESIDIO_BUDGET:-60}" | tee "$out/presidio.txt"

# The MB/s of the line starting with $2 in file $1 ("?" if absent).
rate() {
  local line
  line=$(grep -m1 "^$2" "$1" || true)
  if [ -z "$line" ]; then echo "?"; return; fi
  sed -E 's/.* ([0-9.]+) MB\/s.*/\1/' <<< "$line"
}
samples() {
  grep -m1 '^corpus per sample' "$1" | sed -nE 's/.*, ([0-9]+) samples\/s.*/\1/p'
}
hash() {
  grep -m1 '^mixed text:' "$1" | sed -E 's/.*sha256 ([0-9a-f]+).*/\1/'
}

echo
if [ "$(hash "$out/native.txt")" != "$(hash "$out/node.txt")" ] ||
  [ "$(hash "$out/native.txt")" != "$(hash "$out/presidio.txt")" ]; then
  echo "WARNING: the mixed texts differ between the runtimes (compare the sha256 lines)" >&2
fi
slice=$(grep -m1 '^mixed, all recognizers' "$out/presidio.txt" | sed -nE 's/.*\(slice: first ([0-9]+ of [0-9]+) repetitions.*/\1/p')
printf '| %-40s | %15s | %12s | %17s |\n' runtime "corpus MB/s" "samples/s" "1 MB mixed MB/s"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "$(printf -- '-%.0s' {1..17})" "$(printf -- '-%.0s' {1..14})" "$(printf -- '-%.0s' {1..19})"
printf '| %-40s | %15s | %12s | %17s |\n' "fieldguard native (Rust)" \
  "$(rate "$out/native.txt" 'corpus per sample')" "$(samples "$out/native.txt")" "$(rate "$out/native.txt" 'mixed, all recognizers')"
printf '| %-40s | %15s | %12s | %17s |\n' "fieldguard wasm, Node $(node --version)" \
  "$(rate "$out/node.txt" 'corpus per sample')" "$(samples "$out/node.txt")" "$(rate "$out/node.txt" 'mixed, all recognizers')"
printf '| %-40s | %15s | %12s | %17s |\n' "Presidio $(sed -nE 's/^Presidio ([^ ]+) .*/\1/p' "$out/presidio.txt") (pattern recognizers)" \
  "$(rate "$out/presidio.txt" 'corpus per sample')" "$(samples "$out/presidio.txt")" \
  "$(rate "$out/presidio.txt" 'mixed, all recognizers')${slice:+ *}"
echo
echo "corpus: tests/eval/corpus.jsonl, $(grep -m1 '^corpus:' "$out/native.txt" | sed 's/^corpus: //'), one scan per sample"
echo "mixed: the ~1 MB text of benches/pii.rs, one scan; sha256 $(hash "$out/native.txt")"
if [ -n "$slice" ]; then
  echo "* Presidio on a slice of the mixed text (first $slice repetitions of the unit), see $out/presidio.txt"
fi
echo "best batch rate on this machine ($(nproc) cores, shared); raw output in $out/"
