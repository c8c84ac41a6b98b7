#!/usr/bin/env bash
# Build the wasm packages: the core into pkg/{web,nodejs,bundler} and the core
# plus the HTML sanitizer (cargo feature `html`) into pkg/html/{web,nodejs,bundler},
# and the core plus the names recognizers (cargo feature `names`: PERSON_NAME,
# LOCATION, STREET_ADDRESS with a ~1.4 MB gazetteer) into pkg/names/{web,nodejs,bundler}.
# For each: wasm-bindgen per target, binaryen's wasm-opt -Oz, a package.json
# from pkg-config/npm/, and a size line in pkg/size.txt. Needs the tools from
# .ci/install-tools.sh.
#
# Why two entries: html5ever is most of the HTML build's size, and a form that
# only cleans and validates text should not download an HTML parser.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm_opt=tests/node_modules/.bin/wasm-opt
version=$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)
mkdir -p pkg
: > pkg/size.txt

build() { # build FEATURES OUT-PREFIX
  local features=$1 prefix=$2
  # The crate is an rlib; the wasm module is its cdylib, built here only.
  cargo rustc --quiet --lib --target wasm32-unknown-unknown --features "$features" --profile wasm --crate-type cdylib
  local raw=target/wasm32-unknown-unknown/wasm/fieldguard.wasm
  for target in web nodejs bundler; do
    local out=$prefix$target
    rm -rf "$out"
    wasm-bindgen --target "$target" --out-dir "$out" --out-name fieldguard "$raw"
    # Rust's wasm32 target emits these post-MVP features; every runtime we
    # support (Node 18+, Deno, evergreen browsers) has them.
    "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-multivalue --enable-reference-types \
      "$out/fieldguard_bg.wasm" -o "$out/fieldguard_bg.wasm"
    local type=module side_effects=false
    [ "$target" = nodejs ] && type=commonjs
    [ "$target" = bundler ] && side_effects='["./fieldguard.js", "./snippets/*"]'
    sed -e "s/@VERSION@/$version/" -e "s/@TYPE@/$type/" -e "s#@SIDE_EFFECTS@#$side_effects#" \
      pkg-config/npm/package.template.json > "$out/package.json"
  done
  local bytes gz
  bytes=$(wc -c < "${prefix}web/fieldguard_bg.wasm")
  gz=$(gzip -9 -c "${prefix}web/fieldguard_bg.wasm" | wc -c)
  printf '%s: fieldguard_bg.wasm (features: %s): %d bytes, %d bytes gzipped (gzip -9)\n' \
    "${prefix}web" "$features" "$bytes" "$gz" | tee -a pkg/size.txt
}

build "${FIELDGUARD_WASM_FEATURES:-wasm}" pkg/
if [ -z "${FIELDGUARD_WASM_FEATURES:-}" ]; then
  build wasm,html pkg/html/
  build wasm,names pkg/names/
fi
bash .ci/package-npm.sh
