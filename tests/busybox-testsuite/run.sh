#!/usr/bin/env bash
# Runs busybox's own testsuite (from Debian's busybox source package) against the host's
# /bin/busybox (Debian busybox-static) twice: natively, and with every applet run under FtEmu.
# Prints and writes a comparison: pass counts on each side and every test whose result differs.
#
# Usage: tests/busybox-testsuite/run.sh [APPLET...]     (no applets: the whole testsuite)
# Env:   BB_SIDES="native ftemu"   which sides to run      BB_TIMEOUT=300  seconds per applet run under FtEmu
# Needs root (or sudo) the first time: it adds a deb-src entry and installs dpkg-dev, gcc and busybox-static.
# Output: tests/busybox-testsuite/work/{native,ftemu}.log, work/comparison.md; a full run also
# rewrites tests/busybox-testsuite/RESULTS.md. Not part of CI: the whole testsuite takes long under FtEmu.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$here/work"
sides="${BB_SIDES:-native ftemu}"
timeout_s="${BB_TIMEOUT:-300}"
mkdir -p "$work"

sudo=()
[[ $(id -u) == 0 ]] || sudo=(sudo)

# 1. Prerequisites.
need=()
command -v dpkg-source >/dev/null || need+=(dpkg-dev)
command -v gcc >/dev/null || need+=(gcc libc6-dev)
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q "ok installed" || need+=(busybox-static)
if ((${#need[@]})); then
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

# 2. Debian's busybox source, for the version that is installed.
src="$(find "$work/source" -maxdepth 1 -type d -name 'busybox-*' 2>/dev/null | head -n 1 || true)"
if [[ -z $src ]]; then
    if ! apt-get source --print-uris busybox >/dev/null 2>&1 || [[ -z "$(apt-get source --print-uris busybox 2>/dev/null | grep "\.dsc'")" ]]; then
        echo "run.sh: adding a deb-src entry for Debian's own suites"
        if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
            sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | "${sudo[@]}" tee /etc/apt/sources.list.d/ftemu-deb-src.sources >/dev/null
        else
            grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -i debian | sed 's/^deb /deb-src /' |
                "${sudo[@]}" tee /etc/apt/sources.list.d/ftemu-deb-src.list >/dev/null
        fi
        "${sudo[@]}" apt-get update
    fi
    rm -rf "$work/source" && mkdir -p "$work/source"
    version="$(dpkg-query -W -f='${source:Version}' busybox-static)"
    (cd "$work/source" && { apt-get source "busybox=$version" || apt-get source busybox; })
    src="$(find "$work/source" -maxdepth 1 -type d -name 'busybox-*' | head -n 1)"
fi
config="$src/debian/config/pkg/static"
[[ -f $config ]] || { echo "run.sh: $config missing: the static flavour's .config is needed to know which applets exist" >&2; exit 1; }
echo "run.sh: testsuite from $src"

# 3. FtEmu, built once in Release.
ftemu="$repo/src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll"
if [[ " $sides " == *" ftemu "* ]]; then
    dotnet build "$repo/src/FtEmu.Cli" -c Release -v quiet -nologo >/dev/null
fi
dotnet_bin="$(command -v dotnet)"
timeout_bin="$(command -v timeout)"

# 4. One private copy of the testsuite per side; bindir holds busybox and its .config as runtest expects.
for side in $sides; do
    root="$work/$side"
    rm -rf "$root" && mkdir -p "$root/bin"
    cp -r "$src/testsuite" "$src/scripts" "$root/"
    cp "$config" "$root/bin/.config"
    if [[ $side == native ]]; then
        ln -s /bin/busybox "$root/bin/busybox"
    else
        # runtest links every applet name to bindir/busybox; this wrapper turns "APPLET args" back into
        # "ftemu run /bin/busybox APPLET args". Absolute paths: the tests put applet links first on PATH.
        cat >"$root/bin/busybox" <<WRAP
#!/bin/sh
applet="\${0##*/}"
if [ "\$applet" = busybox ]; then
    exec $timeout_bin -k 5 $timeout_s $dotnet_bin $ftemu run /bin/busybox "\$@"
fi
exec $timeout_bin -k 5 $timeout_s $dotnet_bin $ftemu run /bin/busybox "\$applet" "\$@"
WRAP
        chmod +x "$root/bin/busybox"
    fi
    echo "run.sh: running the testsuite ($side) ..."
    start=$(date +%s)
    (cd "$root/testsuite" && bindir="$root/bin" ./runtest "$@" >"$work/$side.log" 2>&1) || true
    echo "run.sh: $side done in $(($(date +%s) - start)) s"
done

# 5. Comparison. Results are lines "PASS|FAIL|SKIPPED|UNTESTED: name"; repeated names get "#n".
results() { # log -> "name<TAB>result" lines
    awk '/^(PASS|FAIL|SKIPPED|UNTESTED): / {
            r = $1; sub(/:$/, "", r); n = $0; sub(/^[A-Z]+: /, "", n)
            k = n; if (seen[n]++) k = n " #" seen[n]
            print k "\t" r }' "$1"
}
[[ -f $work/native.log && -f $work/ftemu.log ]] || { echo "run.sh: both native and ftemu logs are needed for a comparison"; exit 0; }
results "$work/native.log" | LC_ALL=C sort -t $'\t' -k1,1 >"$work/native.tsv"
results "$work/ftemu.log" | LC_ALL=C sort -t $'\t' -k1,1 >"$work/ftemu.tsv"
count() { awk -F'\t' -v r="$2" '$2 == r { c++ } END { print c + 0 }' "$1"; }
{
    echo "# busybox testsuite: native vs FtEmu"
    echo
    echo "- busybox: $(/bin/busybox 2>&1 | head -n 1)"
    echo "- testsuite: $(basename "$src") (Debian source package), .config from debian/config/pkg/static"
    echo "- FtEmu: $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown), run $(date -u +%Y-%m-%dT%H:%MZ)"
    [[ $# -gt 0 ]] && echo "- applets: $*"
    echo
    echo "| | PASS | FAIL | SKIPPED | UNTESTED |"
    echo "|---|---|---|---|---|"
    for side in native ftemu; do
        echo "| $side | $(count "$work/$side.tsv" PASS) | $(count "$work/$side.tsv" FAIL) | $(count "$work/$side.tsv" SKIPPED) | $(count "$work/$side.tsv" UNTESTED) |"
    done
    echo
    echo "## Tests whose result differs"
    echo
    LC_ALL=C join -t $'\t' -a 1 -a 2 -e MISSING -o 0,1.2,2.2 "$work/native.tsv" "$work/ftemu.tsv" |
        awk -F'\t' 'BEGIN { print "| test | native | ftemu |"; print "|---|---|---|" } $2 != $3 { printf "| %s | %s | %s |\n", $1, $2, $3; d++ } END { if (!d) print "| (none) | | |" }'
} >"$work/comparison.md"
cat "$work/comparison.md"
if [[ $# -eq 0 && " $sides " == *" native "* && " $sides " == *" ftemu "* ]]; then
    cp "$work/comparison.md" "$here/RESULTS.md"
    echo "run.sh: wrote $here/RESULTS.md"
fi
