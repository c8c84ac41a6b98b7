#!/usr/bin/env bash
# Fetch the pinned public sources of the external evaluation sets into target/ (ignored):
#   * the eval venv with python-stdnum and phonenumbers (tests/eval/setup.sh),
#   * python-stdnum's sdist (its tests/*.doctest files), target/eval-src/python_stdnum-2.2.tar.gz
#     (build.py checks its sha256),
#   * a clone of microsoft/presidio holding the commit build.py reads, target/eval-src/presidio,
#     unless PRESIDIO_REPO names an existing clone or mirror.
# Then: target/eval-venv/bin/python tests/eval/external/build.py [--check]
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
COMMIT=$(sed -n 's/^PRESIDIO_COMMIT = "\([0-9a-f]*\)"/\1/p' tests/eval/external/build.py)
REPO="${PRESIDIO_REPO:-$SRC/presidio}"
if ! git -C "$REPO" cat-file -e "$COMMIT^{commit}" 2>/dev/null; then
  [ -d "$REPO" ] || git clone --quiet --filter=blob:none --no-checkout https://github.com/microsoft/presidio "$REPO"
  git -C "$REPO" fetch --quiet origin "$COMMIT"
fi
echo "sources ready: python-stdnum $STDNUM sdist in $SRC, presidio $COMMIT in $REPO"
