#!/usr/bin/env bash
# Build the C API (cargo feature `ffi`) and install it under PREFIX:
#   PREFIX/lib/libfieldguard.so (.dylib on macOS) and libfieldguard.a
#   PREFIX/include/fieldguard.h
#   PREFIX/lib/pkgconfig/fieldguard.pc
# so that `PKG_CONFIG_PATH=PREFIX/lib/pkgconfig pkg-config --cflags --libs
# fieldguard` works. Idempotent: run it again to update an install.
#
#   bash .ci/install-c.sh /usr/local        # may need sudo
#   bash .ci/install-c.sh "$HOME/.local"
#
# Set CARGO_TARGET_DIR to build elsewhere; FIELDGUARD_PROFILE=dev for a
# quick unoptimized build (tests only).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -eq 1 ] || { echo "usage: $0 PREFIX" >&2; exit 2; }
prefix=$1
case $prefix in /*) ;; *) prefix=$PWD/$prefix ;; esac

profile=${FIELDGUARD_PROFILE:-release}
dir=$profile; [ "$profile" = dev ] && dir=debug
target=${CARGO_TARGET_DIR:-target}

# Both C library kinds in one LTO'd build (see the crate-type note in Cargo.toml).
cargo rustc --quiet --lib --profile "$profile" --features ffi --crate-type cdylib --crate-type staticlib
version=$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)

case $(uname -s) in
  Darwin) dylib=libfieldguard.dylib ;;
  *) dylib=libfieldguard.so ;;
esac

# What the standard library links against (pthread, dl, m, ...), as rustc
# reports it for a static library on this platform: needed by
# `pkg-config --static` users of libfieldguard.a.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '' > "$probe/empty.rs"
native=$(rustc --crate-type staticlib --crate-name probe -o "$probe/libprobe.a" \
  --print native-static-libs "$probe/empty.rs" 2>&1 | sed -n 's/.*native-static-libs: //p' | head -n1)

install -d "$prefix/lib/pkgconfig" "$prefix/include"
install -m 0755 "$target/$dir/$dylib" "$prefix/lib/$dylib"
install -m 0644 "$target/$dir/libfieldguard.a" "$prefix/lib/libfieldguard.a"
install -m 0644 pkg-config/include/fieldguard.h "$prefix/include/fieldguard.h"
sed -e "s#@PREFIX@#$prefix#" -e "s#@VERSION@#$version#" -e "s#@NATIVE_STATIC_LIBS@#$native#" \
  pkg-config/fieldguard.pc.in > "$prefix/lib/pkgconfig/fieldguard.pc"
if [ "$(uname -s)" = Darwin ]; then
  # Let programs find the dylib by its install path.
  install_name_tool -id "$prefix/lib/$dylib" "$prefix/lib/$dylib"
fi
echo "installed fieldguard $version (C API) into $prefix"
