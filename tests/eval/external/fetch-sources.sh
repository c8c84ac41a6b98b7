#!/usr/bin/env bash
# Fetch the pinned public sources of the external evaluation sets into target/ (ignored):
#   * the eval venv with python-stdnum and phonenumbers (tests/eval/setup.sh),
#   * python-stdnum's sdist (its tests/*.doctest files), target/eval-src/python_stdnum-2.2.tar.gz
#     (build.py checks its sha256),
#   * Presidio's test files are committed (sources/presidio/, checked by git blob id against the
#     commit build.py pins), so nothing is fetched from GitHub; with PRESIDIO_REPO=DIR (a clone
#     holding that commit) build.py reads the clone instead and checks the copy against it.
# Only the Python package registry is needed. Then:
#   target/eval-venv/bin/python tests/eval/external/build.py [--check]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$ROOT"
bash tests/eval/setup.sh
PY=target/eval-venv/bin/python
SRC=target/eval-src
mkdir -p "$SRC"
STDNUM=$("$PY" -c "import importlib.metadata as m; print(m.version('python-stdnum'))")
if [ ! -f "$SRC/python_stdnum-$STDNUM.tar.gz" ]; then
  "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "python-stdnum==$STDNUM" -d "$SRC"
fi
echo "sources ready: python-stdnum $STDNUM sdist in $SRC; Presidio test files in tests/eval/external/sources/presidio"
