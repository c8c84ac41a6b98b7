#!/usr/bin/env bash
# Idempotently create target/eval-venv with a pinned presidio-analyzer.
# No spaCy model is downloaded: presidio.py uses only pattern recognizers.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/target/eval-venv"
PRESIDIO_VERSION="2.2.366"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('presidio-analyzer') != '$PRESIDIO_VERSION')" 2>/dev/null; then
  # `python -m pip`, not bin/pip: a copied venv's pip script points at the original.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "presidio-analyzer==$PRESIDIO_VERSION"
fi
echo "eval venv ready: $VENV (presidio-analyzer $PRESIDIO_VERSION)"
