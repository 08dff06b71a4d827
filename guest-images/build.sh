#!/usr/bin/env bash
# Builds the project's guest programs from guest-images/src into guest-images/out:
#   out/glibc/NAME  gcc -static -O2        out/musl/NAME  musl-gcc -static -O2
#   out/glibc-O3/NAME, out/musl-O3/NAME    the same at -O3
#   out/pie/NAME    gcc -static-pie -O2    out/asm/NAME   NAME.S assembled and linked with no libc
# Incremental: a binary is rebuilt only when its source is newer. Safe to run concurrently.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="$here/src"
out="$here/out"
mkdir -p "$out"/{glibc,musl,glibc-O3,musl-O3,pie,asm}
exec 9>"$out/.lock"
flock 9

build() { # compiler flags output source
    local cc="$1" flags="$2" dst="$3" s="$4"
    if [[ ! -e "$dst" || "$s" -nt "$dst" ]]; then
        # shellcheck disable=SC2086
        "$cc" $flags -o "$dst.tmp" "$s" -lm && mv "$dst.tmp" "$dst"
    fi
}

have_musl=0
command -v musl-gcc >/dev/null && have_musl=1
for s in "$src"/*.c; do
    [[ -e "$s" ]] || continue
    n="$(basename "$s" .c)"
    build gcc "-static -O2 -fno-pie -no-pie" "$out/glibc/$n" "$s"
    build gcc "-static -O3 -fno-pie -no-pie" "$out/glibc-O3/$n" "$s"
    build gcc "-static-pie -O2 -fpie" "$out/pie/$n" "$s"
    if [[ $have_musl == 1 ]]; then
        build musl-gcc "-static -O2" "$out/musl/$n" "$s"
        build musl-gcc "-static -O3" "$out/musl-O3/$n" "$s"
    fi
done
for s in "$src"/*.S; do
    [[ -e "$s" ]] || continue
    n="$(basename "$s" .S)"
    if [[ ! -e "$out/asm/$n" || "$s" -nt "$out/asm/$n" ]]; then
        gcc -nostdlib -static -no-pie -o "$out/asm/$n" "$s"
    fi
done
