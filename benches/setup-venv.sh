#!/usr/bin/env bash
# Idempotently extend the eval venv (target/eval-venv, made by tests/eval/setup.sh with a
# pinned presidio-analyzer) with what the anonymize baselines need, pinned:
#   faker                (benches/python_faker.py, the "common Python approach")
#   presidio-anonymizer  (benches/presidio_anonymize.py; same release as presidio-analyzer)
# pip runs as `python -m pip`: a venv copied from another checkout keeps bin/pip scripts whose
# shebang points at the original venv, and would install there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/target/eval-venv"
FAKER_VERSION="40.54.0"
PRESIDIO_ANONYMIZER_VERSION="2.2.366"
bash "$ROOT/tests/eval/setup.sh" >&2
need() { # need DIST VERSION: 0 when DIST is missing or another version
  ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('$1') != '$2')" 2>/dev/null
}
if need faker "$FAKER_VERSION"; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "faker==$FAKER_VERSION"
fi
if need presidio-anonymizer "$PRESIDIO_ANONYMIZER_VERSION"; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "presidio-anonymizer==$PRESIDIO_ANONYMIZER_VERSION"
fi
echo "bench venv ready: $VENV (faker $FAKER_VERSION, presidio-anonymizer $PRESIDIO_ANONYMIZER_VERSION)"
