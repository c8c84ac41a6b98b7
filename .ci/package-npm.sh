#!/usr/bin/env bash
# Assemble the one npm package `fieldguard` in pkg/npm/ from the builds in
# pkg/{web,nodejs,bundler} (and pkg/html/… when built), the templates in
# pkg-config/npm/ and the JS README. Called at the end of .ci/build-wasm.sh;
# `npm pack pkg/npm` makes the tarball (tests/js/package/ does, and installs it).
#
# Layout: web/ nodejs/ bundler/ (the wasm-bindgen builds), node/ (the Node
# entry: the nodejs build plus init/initSync, for require and import),
# helpers/ (fieldguard/node), and the same under html/ for the HTML entry.
set -euo pipefail
cd "$(dirname "$0")/.."

src=pkg-config/npm
out=pkg/npm
version=$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)
rm -rf "$out"
mkdir -p "$out"

entry() { # entry FROM-PREFIX TO-DIR: copy one entry's builds and Node wrapper
  local from=$1 to=$2 target
  for target in web nodejs bundler; do
    mkdir -p "$to/$target"
    cp "$from$target"/fieldguard* "$to/$target/"
    # Only the module type: the package's name and exports live at the top.
    local type=module
    [ "$target" = nodejs ] && type=commonjs
    printf '{ "type": "%s" }\n' "$type" > "$to/$target/package.json"
  done
  mkdir -p "$to/node"
  cp "$src/node/index.cjs" "$to/node/"
  cp "$src/node/index.d.ts" "$to/node/index.d.cts"
  cp "$src/node/index.d.ts" "$to/node/index.d.mts"
  # ES-module names must be static: list the build's exports now.
  local names
  names=$(node -e 'console.log(Object.keys(require(process.argv[1])).sort().join(", "))' "./$to/node/index.cjs")
  {
    echo "// Node's \`import\`: the same instance as \`require\` (see index.cjs)."
    echo "import fg from './index.cjs';"
    echo
    echo "export const { $names } = fg;"
    echo "export default init;"
  } > "$to/node/index.mjs"
}

entry pkg/ "$out"
html=false
if [ -d pkg/html/web ] && [ -d pkg/html/nodejs ] && [ -d pkg/html/bundler ]; then
  entry pkg/html/ "$out/html"
  html=true
fi
names=false
if [ -d pkg/names/web ] && [ -d pkg/names/nodejs ] && [ -d pkg/names/bundler ]; then
  entry pkg/names/ "$out/names"
  names=true
fi

mkdir -p "$out/helpers"
cp "$src/helpers/core.mjs" "$src/helpers/index.mjs" "$src/helpers/index.cjs" "$src/helpers/web.mjs" "$src/helpers/index.d.ts" "$out/helpers/"
# The CommonJS copy of the helpers: core.mjs has no imports and one export.
{
  echo "'use strict';"
  sed -e 's/^export function createHelpers/function createHelpers/' "$src/helpers/core.mjs"
  echo 'module.exports = { createHelpers };'
} > "$out/helpers/core.cjs"
grep -q '^export' "$out/helpers/core.cjs" && { echo "helpers/core.mjs: unexpected export"; exit 1; }
# Types for `require`: in this "type": "module" package a .d.ts is ES-module
# typed, so CommonJS users get a .d.cts naming the CommonJS build's types.
sed -e "s#'../web/fieldguard.js'#'../nodejs/fieldguard.js'#" "$src/helpers/index.d.ts" > "$out/helpers/index.d.cts"
cp "$src/README.md" "$out/README.md"

node - "$out" "$version" "$html" "$names" <<'JS'
const [out, version, html, names] = process.argv.slice(2);
const fs = require('node:fs');
const base = require(`${process.cwd()}/pkg-config/npm/package.npm.json`);
const web = (p) => ({ types: `./${p}web/fieldguard.d.ts`, default: `./${p}web/fieldguard.js` });
const bundler = (p) => ({ types: `./${p}bundler/fieldguard.d.ts`, default: `./${p}bundler/fieldguard.js` });
// Condition order matters (first match wins): Deno and browsers get the web
// build (`await init()`), Node the nodejs build for both require and import
// (one instance), other bundler builds (`module`) the wasm-ESM build.
const main = (p) => ({
  deno: web(p),
  node: {
    import: { types: `./${p}node/index.d.mts`, default: `./${p}node/index.mjs` },
    require: { types: `./${p}node/index.d.cts`, default: `./${p}node/index.cjs` },
  },
  browser: web(p),
  module: bundler(p),
  default: web(p),
});
const exports = {
  '.': main(''),
  './web': web(''),
  './bundler': bundler(''),
  './node': {
    deno: { types: './helpers/index.d.ts', default: './helpers/web.mjs' },
    node: {
      import: { types: './helpers/index.d.ts', default: './helpers/index.mjs' },
      require: { types: './helpers/index.d.cts', default: './helpers/index.cjs' },
    },
    default: { types: './helpers/index.d.ts', default: './helpers/web.mjs' },
  },
  './fieldguard_bg.wasm': './web/fieldguard_bg.wasm',
};
if (html === 'true') {
  Object.assign(exports, {
    './html': main('html/'),
    './html/web': web('html/'),
    './html/bundler': bundler('html/'),
    './html/fieldguard_bg.wasm': './html/web/fieldguard_bg.wasm',
  });
}
if (names === 'true') {
  Object.assign(exports, {
    './names': main('names/'),
    './names/web': web('names/'),
    './names/bundler': bundler('names/'),
    './names/fieldguard_bg.wasm': './names/web/fieldguard_bg.wasm',
  });
}
exports['./package.json'] = './package.json';
const pkg = { ...base, version, exports };
fs.writeFileSync(`${out}/package.json`, JSON.stringify(pkg, null, 2) + '\n');
JS
echo "pkg/npm: fieldguard $version (html entry: $html, names entry: $names)"
