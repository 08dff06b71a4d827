#!/usr/bin/env bash
# Lockstep benchmark on loopback, all in one run:
#   throughput  a CPU-bound guest (guests/crc.c) plain vs. as primary with a secondary in lockstep
#   latency     2000 writes of one line each, plain vs. lockstep; added time per output, and the
#               primary's own measure of how long outputs were held for acknowledgement
#   failover    time from kill -9 of the primary (and from SIGSTOP, a hung machine that only the
#               heartbeat timeout reveals) to the first output of the secondary, now live
#   bandwidth   log bytes per second sent to the secondary
# Usage: bench/lockstep.sh [SCALE]   (default 0.3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
scale="${1:-${BENCH_SCALE:-0.3}}"
out="$here/out/lockstep"
mkdir -p "$out"
bash "$repo/guest-images/build.sh"
dotnet build "$repo/src/FtEmu.Cli" -c Release -v quiet -nologo >/dev/null
ftemu=(dotnet "$repo/src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll")
[[ -e "$here/out/crc" && "$here/out/crc" -nt "$here/guests/crc.c" ]] || gcc -static -O2 -fno-pie -no-pie -o "$here/out/crc" "$here/guests/crc.c" -lm
counter="$repo/guest-images/out/musl/counter"
now() { date +%s%N; }
port=$((30000 + RANDOM % 20000))

# lockstep_run TAG PROGRAM ARGS...: primary + secondary; prints the primary's wall time in seconds.
lockstep_run() {
    local tag="$1"; shift
    port=$((port + 1))
    "${ftemu[@]}" run --secondary --peer "127.0.0.1:$port" >/dev/null 2>"$out/$tag.secondary.err" &
    local s=$! t0 t1
    t0=$(now)
    "${ftemu[@]}" run --primary --listen "127.0.0.1:$port" --log-level Information "$@" >"$out/$tag.out" 2>"$out/$tag.primary.err"
    t1=$(now)
    wait $s
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}
plain_run() {
    local tag="$1"; shift
    local t0 t1
    t0=$(now)
    "${ftemu[@]}" run "$@" >"$out/$tag.out" 2>/dev/null
    t1=$(now)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}
stat_of() { sed -n "s/.*lockstep statistics: //p" "$out/$1.primary.err"; }

plain=$(plain_run crc.plain "$here/out/crc" "$scale")
ls=$(lockstep_run crc.lockstep "$here/out/crc" "$scale")
cmp -s "$out/crc.plain.out" "$out/crc.lockstep.out" || { echo "crc: outputs differ" >&2; exit 1; }
echo "throughput: crc plain ${plain}s, lockstep ${ls}s, overhead $(awk -v a="$plain" -v b="$ls" 'BEGIN { printf "%.3f", b / a }')x"
echo "  primary: $(stat_of crc.lockstep)"

n=2000
plain=$(plain_run lines.plain "$counter" $n 0)
ls=$(lockstep_run lines.lockstep "$counter" $n 0)
cmp -s "$out/lines.plain.out" "$out/lines.lockstep.out" || { echo "lines: outputs differ" >&2; exit 1; }
echo "latency: $n one-line writes plain ${plain}s, lockstep ${ls}s, added $(awk -v a="$plain" -v b="$ls" -v n=$n 'BEGIN { printf "%.0f", (b - a) / n * 1e6 }') us per output"
echo "  primary: $(stat_of lines.lockstep)"

# failover SIGNAL: kill the primary with SIGNAL mid-run; time until the secondary's first line.
failover() {
    local sig="$1"
    port=$((port + 1))
    rm -f "$out/fo.tb".g*
    "${ftemu[@]}" run --primary --listen "127.0.0.1:$port" --tiebreaker "$out/fo.tb" --status-file "$out/fo.status" \
        "$counter" 100000 2 >"$out/fo.primary.out" 2>/dev/null &
    local p=$!
    "${ftemu[@]}" run --secondary --peer "127.0.0.1:$port" --tiebreaker "$out/fo.tb" >"$out/fo.secondary.out" 2>/dev/null &
    local s=$!
    for _ in $(seq 400); do grep -q '"state": "Running"' "$out/fo.status" 2>/dev/null && break; sleep 0.05; done
    sleep 1
    local t0 t1
    t0=$(now)
    kill "-$sig" $p
    while [[ ! -s "$out/fo.secondary.out" ]]; do :; done
    t1=$(now)
    kill -9 $p $s 2>/dev/null || true
    wait 2>/dev/null || true
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", (b - a) / 1e6 }'
}
echo "failover: kill -9 of the primary to the secondary's first output: $(failover KILL) ms"
echo "failover: SIGSTOP of the primary (hung, heartbeat timeout 300 ms) to the secondary's first output: $(failover STOP) ms"
