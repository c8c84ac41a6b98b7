#!/usr/bin/env bash
# Build the wasm package into pkg/{web,nodejs,bundler}: wasm-bindgen for each
# target, binaryen's wasm-opt -Oz, a package.json from pkg-config/npm/, and a
# size report (pkg/size.txt). Needs the tools from .ci/install-tools.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

features="${FIELDGUARD_WASM_FEATURES:-wasm}"
cargo build --quiet --lib --target wasm32-unknown-unknown --features "$features" --profile wasm
raw=target/wasm32-unknown-unknown/wasm/fieldguard.wasm
wasm_opt=tests/node_modules/.bin/wasm-opt
version=$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)

for target in web nodejs bundler; do
  out=pkg/$target
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-dir "$out" --out-name fieldguard "$raw"
  # Rust's wasm32 target emits these post-MVP features; every runtime we
  # support (Node 18+, Deno, evergreen browsers) has them.
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue --enable-reference-types \
    "$out/fieldguard_bg.wasm" -o "$out/fieldguard_bg.wasm"
  type=module; side_effects=false
  [ "$target" = nodejs ] && type=commonjs
  [ "$target" = bundler ] && side_effects='["./fieldguard.js", "./snippets/*"]'
  sed -e "s/@VERSION@/$version/" -e "s/@TYPE@/$type/" -e "s#@SIDE_EFFECTS@#$side_effects#" \
    pkg-config/npm/package.template.json > "$out/package.json"
done

bytes=$(wc -c < pkg/web/fieldguard_bg.wasm)
gz=$(gzip -9 -c pkg/web/fieldguard_bg.wasm | wc -c)
printf 'fieldguard_bg.wasm (features: %s): %d bytes, %d bytes gzipped (gzip -9)\n' "$features" "$bytes" "$gz" | tee pkg/size.txt
