#!/usr/bin/env bash
# FtEmu's main demo: lockstep fault tolerance on loopback.
#   ./demo.sh                 a primary and a secondary run a guest that prints numbered lines; the
#                             primary is killed (kill -9) midway and the secondary finishes the
#                             output with no line lost.
#   ./demo.sh GUEST [ARGS]    just runs a guest from guest-images/src under FtEmu.
# On a fresh Debian/Ubuntu machine it installs gcc and musl-tools first (needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v musl-gcc >/dev/null || need+=(musl-tools)
if ((${#need[@]})); then
    echo "demo.sh: installing ${need[*]}"
    sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

bash guest-images/build.sh
dotnet build src/FtEmu.Cli -c Release -v quiet -nologo >/dev/null
ftemu=(dotnet src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll)

if (($#)); then
    guest="$1"
    shift
    echo "\$ ftemu run guest-images/out/musl/$guest${*:+ $*}"
    status=0
    "${ftemu[@]}" run "guest-images/out/musl/$guest" "$@" || status=$?
    echo "(guest exit status $status)"
    exit 0
fi

lines=60
work="$(mktemp -d)"
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
echo "Primary and secondary on 127.0.0.1:$port; the guest prints $lines numbered lines, one every 50 ms."
echo "The primary's output is on the left, the secondary's (suppressed until it takes over) on the right."
echo

"${ftemu[@]}" run --primary --listen "127.0.0.1:$port" --tiebreaker "$work/tiebreaker" --status-file "$work/status.json" \
    guest-images/out/musl/counter "$lines" 50 > >(tee "$work/primary.out" | sed -u 's/^/  primary:   /') 2>"$work/primary.err" &
primary=$!
"${ftemu[@]}" run --secondary --peer "127.0.0.1:$port" --tiebreaker "$work/tiebreaker" --log-level Information \
    > >(tee "$work/secondary.out" | sed -u 's/^/                          secondary: /') 2>"$work/secondary.err" &
secondary=$!

for _ in $(seq 200); do
    grep -q '"state": "Running"' "$work/status.json" 2>/dev/null && break
    sleep 0.05
done
sleep 1.2
echo "  >>> kill -9 the primary (pid $primary) <<<"
{ kill -9 "$primary"; wait "$primary"; } 2>/dev/null || true
status=0
wait "$secondary" || status=$?
sleep 0.2
echo
sed -n 's/^.*\] //p' "$work/secondary.err" | grep -E "primary lost|going live" | sed 's/^/  secondary log: /' || true

cat "$work/primary.out" "$work/secondary.out" | sort -u > "$work/all"
seq -f "line %03g" 1 "$lines" > "$work/expected"
repeated=$(( $(cat "$work/primary.out" "$work/secondary.out" | wc -l) - $(wc -l < "$work/all") ))
if cmp -s "$work/all" "$work/expected"; then
    echo "All $lines lines arrived: $(wc -l < "$work/primary.out") from the primary, $(wc -l < "$work/secondary.out") from the secondary after failover ($repeated repeated in flight). Guest exit status $status."
else
    echo "LOST OUTPUT:"; diff "$work/expected" "$work/all" || true
    exit 1
fi
