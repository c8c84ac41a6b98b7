#!/usr/bin/env bash
# The C API suite: lint and unit-test src/ffi, install the library into a
# temporary prefix with .ci/install-c.sh, build tests/c/fieldguard_test.c
# through pkg-config (shared and static), check the header against the
# exported symbols, and run the program — with a token the wasm module
# (pkg/nodejs) encrypted — natively and, if present, under valgrind.
#
# Env: FIELDGUARD_WASM_PKG (default pkg/nodejs; built with
# .ci/build-wasm.sh if missing), FIELDGUARD_PROFILE (default release).
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { printf '[c] %s\n' "$*"; }

say "clippy and unit tests with feature ffi"
cargo clippy --quiet --lib --features ffi -- -D warnings
cargo test --quiet --lib --features ffi ffi::

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
bash .ci/install-c.sh "$prefix"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
say "pkg-config: fieldguard $(pkg-config --modversion fieldguard): $(pkg-config --cflags --libs fieldguard)"
libdir=$(pkg-config --variable=libdir fieldguard)

# The header declares exactly what the library exports.
declared=$(grep -oE '\bfg_[a-z_]+\(' pkg-config/include/fieldguard.h | tr -d '(' | sort -u)
exported=$(nm -g --defined-only "$libdir/libfieldguard.a" 2>/dev/null | awk '$2 == "T" && $3 ~ /^_?fg_/ { sub(/^_/, "", $3); print $3 }' | sort -u)
if [ "$declared" != "$exported" ]; then
  say "header and library disagree:"; diff <(echo "$declared") <(echo "$exported") || true; exit 1
fi
say "header declares the $(echo "$declared" | wc -l) exported functions"

# Strict C99, and the header must also be valid C++ (extern "C").
cflags="-std=c99 -pthread -Wall -Wextra -Wpedantic -Werror -O1 -g"
# shellcheck disable=SC2046
cc $cflags tests/c/fieldguard_test.c $(pkg-config --cflags --libs fieldguard) \
  -Wl,-rpath,"$libdir" -o "$prefix/fieldguard_test"
# shellcheck disable=SC2046
cc $cflags tests/c/fieldguard_test.c $(pkg-config --cflags fieldguard) "$libdir/libfieldguard.a" \
  $(pkg-config --variable=native_static_libs fieldguard) -o "$prefix/fieldguard_test_static"
if command -v c++ >/dev/null 2>&1; then
  # shellcheck disable=SC2046
  printf '#include <fieldguard.h>\nint main() { return fg_version() ? 0 : 1; }\n' |
    c++ -Wall -Werror -x c++ - $(pkg-config --cflags --libs fieldguard) -o "$prefix/cxx_check"
fi

pkg=${FIELDGUARD_WASM_PKG:-pkg/nodejs}
if [ ! -f "$pkg/fieldguard.js" ]; then
  say "$pkg is missing: building the wasm packages"
  bash .ci/build-wasm.sh
fi
mapfile -t js < <(node tests/c/wasm-token.cjs "$pkg" tests/c/keyring.json)
[ "${#js[@]}" -eq 3 ] || { say "wasm-token.cjs printed ${#js[@]} lines, want 3"; exit 1; }
say "wasm token: ${js[0]:0:20}…"

say "shared library build"
"$prefix/fieldguard_test" tests/c/keyring.json "${js[@]}"
say "static library build"
"$prefix/fieldguard_test_static" tests/c/keyring.json "${js[@]}"
say "the README example"
# The README's C block is this file, as written.
if ! diff <(awk '/^```c$/ { inside = 1; next } /^```$/ { inside = 0 } inside' README.md) tests/c/example.c >/dev/null; then
  say "README.md's \`\`\`c block differs from tests/c/example.c"; exit 1
fi
# shellcheck disable=SC2046
cc tests/c/example.c $(pkg-config --cflags --libs fieldguard) -o "$prefix/example"
got=$(LD_LIBRARY_PATH=$libdir "$prefix/example" "$(cat tests/c/keyring.json)")
want='clean: Admin
anonymized: mail <EMAIL_ADDRESS>, card **** **** **** 1111
token: fg.… decrypts to alice@example.com
moved: DECRYPT_FAILED'
[ "$got" = "$want" ] || { say "example printed:"; printf '%s\n' "$got"; exit 1; }
printf '%s\n' "$got"

if command -v valgrind >/dev/null 2>&1; then
  say "valgrind (memcheck, leak check)"
  valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect "$prefix/fieldguard_test" tests/c/keyring.json "${js[@]}"
else
  say "valgrind not installed: leak check skipped"
fi
