#!/usr/bin/env bash
# FtEmu benchmark: builds the CPU-bound guests in bench/guests with gcc -static -O2 and times each
# natively, under qemu-x86_64 (qemu-user) and under FtEmu (Release build), checks that all three
# print the same output, and prints wall times, ratios, geometric means and peak memory.
#
# Usage: bench/run.sh [SCALE]      SCALE (or env BENCH_SCALE) sizes the work: 1.0 is about a second
#                                  natively per guest; 0.02 is a quick smoke run.
# Env:   BENCH_GUESTS="crc nbody"  run a subset.   BENCH_SKIP_QEMU=1  leave qemu out.
#        FTEMU_ARGS="--engine interp"  extra ftemu run options.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
scale="${1:-${BENCH_SCALE:-1.0}}"
out="$here/out"
mkdir -p "$out"

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
[[ -x /usr/bin/time ]] || need+=(time)
[[ ${BENCH_SKIP_QEMU:-0} == 1 ]] || command -v qemu-x86_64 >/dev/null || need+=(qemu-user)
if ((${#need[@]})); then
    echo "bench: installing ${need[*]}"
    sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

echo "bench: building FtEmu (Release) and the guests; scale $scale"
dotnet build "$repo/src/FtEmu.Cli" -c Release -v quiet -nologo >/dev/null
ftemu="$repo/src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll"
guests=()
for src in "$here"/guests/*.c; do
    name="$(basename "$src" .c)"
    if [[ -n ${BENCH_GUESTS:-} && " $BENCH_GUESTS " != *" $name "* ]]; then continue; fi
    if [[ ! -e "$out/$name" || "$src" -nt "$out/$name" ]]; then
        gcc -static -O2 -fno-pie -no-pie -o "$out/$name" "$src" -lm
    fi
    guests+=("$name")
done

# measure LABEL COMMAND... : runs the command, sets $wall (s), $rss (MB, /usr/bin/time's "Maximum resident set size"), $status and saves stdout in $out/NAME.RUNNER.out
measure() {
    local label="$1"; shift
    local tf="$out/.time"
    status=0
    local t0 t1 rss_kb
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$tf" "$@" >"$out/$label.out" 2>"$out/$label.err" || status=$?
    t1=$(date +%s%N)
    rss_kb=$(tail -n 1 "$tf")
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

runners=(native qemu ftemu)
[[ ${BENCH_SKIP_QEMU:-0} == 1 ]] && runners=(native ftemu)
declare -A wall_of rss_of ok_of
for g in "${guests[@]}"; do
    for r in "${runners[@]}"; do
        case "$r" in
            native) cmd=("$out/$g" "$scale") ;;
            qemu) cmd=(qemu-x86_64 "$out/$g" "$scale") ;;
            ftemu) cmd=(dotnet "$ftemu" run ${FTEMU_ARGS:-} "$out/$g" "$scale") ;;
        esac
        echo "bench: $g under $r ..." >&2
        measure "$g.$r" "${cmd[@]}"
        wall_of[$g.$r]=$wall
        rss_of[$g.$r]=$rss
        if [[ $status == 0 ]] && cmp -s "$out/$g.native.out" "$out/$g.$r.out"; then ok_of[$g.$r]=ok; else ok_of[$g.$r]="FAIL(exit $status)"; fi
    done
done

echo
printf '%-8s %10s %10s %10s %12s %12s %10s %10s %10s  %s\n' guest native_s qemu_s ftemu_s ftemu/native ftemu/qemu rss_nat_MB rss_qemu_MB rss_ftemu_MB check
for g in "${guests[@]}"; do
    n=${wall_of[$g.native]}; q=${wall_of[$g.qemu]:-}; f=${wall_of[$g.ftemu]}
    check="native ${ok_of[$g.native]}, ftemu ${ok_of[$g.ftemu]}"
    [[ -n $q ]] && check="$check, qemu ${ok_of[$g.qemu]}"
    awk -v g="$g" -v n="$n" -v q="${q:-}" -v f="$f" -v rn="${rss_of[$g.native]}" -v rq="${rss_of[$g.qemu]:-}" -v rf="${rss_of[$g.ftemu]}" -v c="$check" 'BEGIN {
        if (n <= 0) n = 0.01; qq = (q == "" ? "-" : sprintf("%.3f", q)); fq = (q == "" || q <= 0 ? "-" : sprintf("%.1fx", f / q));
        printf "%-8s %10.3f %10s %10.3f %11.1fx %12s %10s %10s %10s  %s\n", g, n, qq, f, f / n, fq, rn, (rq == "" ? "-" : rq), rf, c }'
done | tee "$out/table.txt"
# Geometric means over the guests whose FtEmu run succeeded.
{
    for g in "${guests[@]}"; do
        [[ ${ok_of[$g.ftemu]} == ok ]] || continue
        echo "${wall_of[$g.native]} ${wall_of[$g.qemu]:-0} ${wall_of[$g.ftemu]}"
    done
} | awk '{ n = ($1 > 0 ? $1 : 0.01); ln += log($3 / n); k++; if ($2 > 0) { lq += log($3 / $2); kq++; lqn += log($2 / n) } }
    END {
        if (k == 0) { print "geometric mean: no successful FtEmu run"; exit }
        printf "geometric mean (%d guests): ftemu/native %.1fx", k, exp(ln / k)
        if (kq > 0) printf ", ftemu/qemu %.1fx, qemu/native %.1fx", exp(lq / kq), exp(lqn / kq)
        printf "\n" }'
echo "(wall times include process start-up: ~0.1 s of .NET start-up for ftemu; outputs in $out)"
