#!/usr/bin/env bash
# Builds FtEmu and a bundled guest program, then runs the guest under FtEmu.
# On a fresh Debian/Ubuntu machine it installs gcc and musl-tools first (needs root or sudo).
# Usage: ./demo.sh [GUEST [ARGS...]]   (GUEST is a name from guest-images/src; default: hello)
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

guest="${1:-hello}"
(($#)) && shift
bash guest-images/build.sh
dotnet build src/FtEmu.Cli -c Release -v quiet -nologo >/dev/null
echo "\$ ftemu run guest-images/out/musl/$guest${*:+ $*}"
status=0
dotnet src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll run "guest-images/out/musl/$guest" "$@" || status=$?
echo "(guest exit status $status)"
