#!/usr/bin/env bash
# Regenerate Presidio's predictions on the external sets, committed in
# tests/eval/baseline/external/presidio-<file>.jsonl so that the gate needs no Presidio.
# Run after build.py changed a set or after changing the pinned Presidio (tests/eval/setup.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
bash tests/eval/setup.sh
mkdir -p tests/eval/baseline/external
for f in tests/eval/external/*.jsonl; do
  name=$(basename "$f" .jsonl)
  target/eval-venv/bin/python tests/eval/presidio.py --corpus "$f" --repeat 0 \
    --out "tests/eval/baseline/external/presidio-$name.jsonl" 2>/dev/null
  echo "tests/eval/baseline/external/presidio-$name.jsonl: $(wc -l < "tests/eval/baseline/external/presidio-$name.jsonl") findings"
done
# the sets these predictions belong to: the gate refuses a baseline older than its set
(cd tests/eval/external && sha256sum *.jsonl) > tests/eval/baseline/external/sets.sha256
