#!/usr/bin/env bash
# The test command: installs missing tools, then runs every suite — format,
# lints, native tests (unit, KAT, vectors, properties, CLI, doctests), a
# bounded run of every fuzz target, the wasm build, the same vectors in
# Node, Deno and headless Chromium, and the PII quality gate on the labeled
# corpus.
# Every suite runs even if an earlier one fails; the exit status is non-zero
# if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DENO_NO_UPDATE_CHECK=1 CARGO_TERM_COLOR=never NO_COLOR=1

# A test run must leave the work tree as it found it (generated output goes
# to ignored directories): remember its state before anything runs, even the
# tool installation (npm once rewrote the committed lockfile).
tree_before=$(git status --porcelain=v1 --untracked-files=all 2>/dev/null || echo "not a git checkout")

bash .ci/install-tools.sh || { echo "tool installation failed"; exit 1; }

passed=0; failed=0; failed_names=()
suite() {
  local name=$1; shift
  printf '\n=== %s\n' "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failed_names+=("$name")
    printf '=== FAILED: %s\n' "$name"
  fi
}

suite "cargo fmt --check" cargo fmt --check
suite "clippy (native, all targets)" cargo clippy --quiet --all-targets --features cli -- -D warnings
suite "clippy (native, with the C ABI)" cargo clippy --quiet --all-targets --features cli,ffi -- -D warnings
suite "clippy (wasm adapter, with html)" cargo clippy --quiet --lib --target wasm32-unknown-unknown --features wasm,html -- -D warnings
# The fuzz crate is a workspace of its own: format and lint it separately.
suite "cargo fmt --check (fuzz targets)" cargo fmt --check --manifest-path fuzz/Cargo.toml
suite "clippy (fuzz targets)" cargo clippy --quiet --manifest-path fuzz/Cargo.toml --all-targets -- -D warnings
suite "module hygiene (docs, import cycles, file length)" python3 .ci/check-modules.py
suite "native tests (cargo test)" cargo test --quiet --features cli
suite "fuzzing (bounded, every target)" bash .ci/fuzz.sh
suite "wasm build (web, nodejs, bundler)" bash .ci/build-wasm.sh
suite "Node (node --test, nodejs build)" node --test tests/js/node/
suite "Deno (deno test, web build)" tests/node_modules/.bin/deno test --quiet --allow-read --no-prompt tests/js/deno/
suite "Chromium (playwright-core, web build; includes the www/ demo end to end, screenshots in tests/out/demo/)" node --test tests/js/browser/
suite "PII evaluation corpus (offsets, checksums, reproducible)" python3 -m unittest tests/eval/test_generate.py
suite "PII vector generators (the committed vectors are what tests/vectors/generators/ write)" \
  bash -c 'for g in tests/vectors/generators/*.py; do python3 "$g" --check >/dev/null || { echo "stale: $g"; exit 1; }; done; echo "every generator reproduces its vectors"'
# The external sets (tests/eval/external/) are enforced: every pattern type at F1 >= 0.98 and
# >= Presidio, <= 0.5 % of negatives flagged, on every set (disputed labels: disputed.json).
suite "PII quality gate (our corpora and the external sets: F1 >= 0.98 and >= Presidio per type, negatives, hard negatives)" \
  bash -c 'bash tests/eval/external/fetch-sources.sh && cargo build --quiet --features cli && python3 tests/eval/gate.py --fieldguard target/debug/fieldguard --require-rebuild --strict-external'
# F1 goals of issue 13 enforced (PERSON_NAME >= 0.85, LOCATION >= 0.80 on each names set); the
# share of PII characters left in clear is reported beside them (its 2 % goal is not met yet).
suite "names sets and gazetteer (rebuilt from their pinned sources; F1 goals enforced, left in clear reported)" \
  bash -c 'target/eval-venv/bin/python src/pii/recognize/names/data/build.py --check && target/eval-venv/bin/python tests/eval/external/build_names.py --check && target/eval-venv/bin/python tests/eval/external/names_eval.py --fieldguard target/debug/fieldguard --enforce'
# Injection detection on public payload lists and real benign text, libinjection beside it
# (report only: the floors that fail a regression are in tests/detect.rs).
suite "injection detection on the external sets, beside libinjection (tests/out/injection-external.md)" \
  bash -c 'bash tests/eval/setup.sh >/dev/null && cargo build --quiet --features cli && target/eval-venv/bin/python tests/eval/injection/compare.py --fieldguard target/debug/fieldguard --out tests/out/injection-external.md --misses tests/out/injection-misses'
suite "npm package (npm pack, install and import in Node CJS/ESM and Deno)" node --test tests/js/package/
suite "C API (install via pkg-config, cc shared+static, valgrind; decrypts a wasm token)" bash tests/c/run.sh
suite "README main command (anonymize the sample services)" bash examples/anonymize.sh
suite "encryption quickstart" bash examples/quickstart.sh
suite "IBAN registry table (regenerated from the pinned python-stdnum iban.dat)" \
  target/eval-venv/bin/python tools/gen_iban_registry.py --check

unchanged() {
  local after
  after=$(git status --porcelain=v1 --untracked-files=all 2>/dev/null || echo "not a git checkout")
  [ "$after" = "$tree_before" ] && return 0
  echo "the test run changed the work tree:"
  diff <(printf '%s\n' "$tree_before") <(printf '%s\n' "$after") | sed -n 's/^[<>] /  /p'
  return 1
}
suite "work tree unchanged by the test run (git status)" unchanged

printf '\n'
for name in "${failed_names[@]}"; do printf 'failed suite: %s\n' "$name"; done
printf 'suites: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
