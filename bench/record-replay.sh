#!/usr/bin/env bash
# Record/replay benchmark: for each guest, times a plain `ftemu run`, `ftemu run --record` and
# `ftemu replay --quiet` in one run, checks that all three agree, and reports recording overhead
# (record ÷ run), replay speed (replay ÷ record), log size, log bytes per second of guest run and
# the compression ratio of the chunks.
#
# Usage: bench/record-replay.sh [SCALE]   (SCALE as for bench/run.sh; default 0.3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
scale="${1:-${BENCH_SCALE:-0.3}}"
out="$here/out/replay"
mkdir -p "$out"
dotnet build "$repo/src/FtEmu.Cli" -c Release -v quiet -nologo >/dev/null
ftemu=(dotnet "$repo/src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll")

seconds() { # runs a command quietly, prints its wall time in seconds
    local t0 t1
    t0=$(date +%s%N)
    "$@" >"$out/last.out" 2>"$out/last.err" || { echo "failed: $*" >&2; cat "$out/last.err" >&2; exit 1; }
    t1=$(date +%s%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

printf '%-7s %8s %9s %9s %10s %10s %10s %12s %8s\n' guest run_s record_s replay_s rec/run replay/rec log_KB log_KB/s compress
for src in "$here"/guests/*.c; do
    g="$(basename "$src" .c)"
    [[ -e "$here/out/$g" && "$here/out/$g" -nt "$src" ]] || gcc -static -O2 -fno-pie -no-pie -o "$here/out/$g" "$src" -lm
    prog="$here/out/$g"
    run=$(seconds "${ftemu[@]}" run "$prog" "$scale")
    cp "$out/last.out" "$out/$g.run.out"
    rec=$(seconds "${ftemu[@]}" run --record "$out/$g.ftlog" --no-embed "$prog" "$scale")
    cmp -s "$out/last.out" "$out/$g.run.out" || { echo "$g: recorded run printed something else" >&2; exit 1; }
    rep=$(seconds "${ftemu[@]}" replay --quiet "$out/$g.ftlog")
    grep -q "replay verified" "$out/last.err" || { echo "$g: replay not verified" >&2; cat "$out/last.err" >&2; exit 1; }
    "${ftemu[@]}" info "$out/$g.ftlog" > "$out/$g.info"
    read -r raw stored < <(sed -n 's/^event data: *\([0-9]*\) bytes raw, \([0-9]*\) bytes in chunks.*/\1 \2/p' "$out/$g.info")
    size=$(stat -c %s "$out/$g.ftlog")
    awk -v g="$g" -v r="$run" -v c="$rec" -v p="$rep" -v s="$size" -v raw="$raw" -v st="$stored" 'BEGIN {
        printf "%-7s %8.3f %9.3f %9.3f %9.3fx %9.3fx %10.1f %12.1f %7.2fx\n", g, r, c, p, c / r, p / c, s / 1024, s / 1024 / c, (st > 0 ? raw / st : 0) }'
done | tee "$out/table.txt"
echo "(wall times of whole processes, .NET start-up included; recordings made with --no-embed; logs in $out)"
