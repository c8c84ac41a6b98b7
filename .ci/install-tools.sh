#!/usr/bin/env bash
# Install every tool the test suites need, skipping what is already present.
# Safe to run again and again. Needs: rustup/cargo, node/npm (>= 18), and
# root (or sudo) for Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[install-tools] %s\n' "$*"; }

# 1. Rust target and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# 2. wasm-bindgen CLI, exactly the version Cargo.lock pins for the crate.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about 6 minutes)"
  # --locked first; its lockfile can name a dependency version the registry
  # no longer serves (seen with 0.2.130), so fall back to a fresh resolution
  # of the same wasm-bindgen-cli version.
  cargo install wasm-bindgen-cli --version "=$want" --locked \
    || cargo install wasm-bindgen-cli --version "=$want"
fi

# 2b. cargo-fuzz for the fuzzing suite (.ci/fuzz.sh); it runs on the stable
#     toolchain with `--sanitizer none`, so no nightly is needed.
want_fuzz=0.13.1
have_fuzz=$(cargo fuzz --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_fuzz" != "$want_fuzz" ]; then
  say "installing cargo-fuzz $want_fuzz (about 2 minutes)"
  # --locked can fail on a yanked dependency; then resolve afresh.
  cargo install cargo-fuzz --version "=$want_fuzz" --locked \
    || cargo install cargo-fuzz --version "=$want_fuzz"
fi

# 3. Debian packages: Chromium for the browser tests (no browser downloads),
#    and Node.js/npm if the machine has none.
sudo_=""
[ "$(id -u)" -ne 0 ] && sudo_=sudo
apt_updated=""
apt_install() {
  [ -n "$apt_updated" ] || { $sudo_ apt-get update -qq; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq "$@" >/dev/null
}
if ! command -v chromium >/dev/null 2>&1; then
  say "installing Debian's chromium"
  apt_install chromium
fi
if ! command -v cc >/dev/null 2>&1 || ! command -v pkg-config >/dev/null 2>&1; then
  say "installing Debian's gcc and pkg-config (the C API suite)"
  apt_install gcc libc6-dev pkg-config
fi
# libinjection-python (tests/eval/setup.sh, the injection comparison) ships
# only an sdist: pip compiles it against python3's headers, and the eval
# venv needs the venv module.
if ! python3 -c 'import os, sys, sysconfig, venv, ensurepip; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
  say "installing Debian's python3-dev and python3-venv (libinjection-python builds from source)"
  apt_install python3-dev python3-venv
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  say "installing Debian's nodejs and npm"
  apt_install nodejs npm
fi

# 4. Node tooling (playwright-core, deno, binaryen's wasm-opt, @noble/ciphers,
#    jsdom, dompurify, validator) from tests/package-lock.json.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  say "Node $(node --version) is too old: the suites need Node 20.19 or newer (jsdom)"; exit 1
fi
stamp=tests/node_modules/.fieldguard-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s tests/package-lock.json "$stamp"; then
  say "installing test tools from tests/package-lock.json"
  # `npm install` rather than `npm ci`: npm 11 leaves deno's per-platform
  # optional packages out of the lockfile and `npm ci` then refuses to run;
  # `npm install` follows the lockfile and leaves it unchanged.
  (cd tests && npm install --no-audit --no-fund --loglevel=error)
  cp tests/package-lock.json "$stamp"
fi
say "all tools present"
