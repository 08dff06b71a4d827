#!/usr/bin/env bash
# Runs FtEmu's whole test suite. On a fresh Debian/Ubuntu machine it first installs what the tests
# compile and compare against (gcc, musl-tools, busybox-static), then builds and runs everything in
# Release. Ends with one summary line: "N passed, N failed". Exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
command -v musl-gcc >/dev/null || need+=(musl-tools)
# The tests compare against Debian's static busybox; the dynamic "busybox" package will not do.
dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q "ok installed" || need+=(busybox-static)
if ((${#need[@]})); then
    echo "test.sh: installing ${need[*]}"
    sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
# A test that runs 10 minutes is hung: blame kills the test host so that CI ends with a report.
dotnet test FtEmu.sln -c Release --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" \
    --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$results/console.log" || status=$?

# CI keeps only the end of the output: repeat each failure (name, message, stack) there.
if grep -q '^ *Failed [A-Za-z_][A-Za-z0-9_.]*' "$results/console.log"; then
    echo
    echo "==== failures ===="
    awk '/^ *Failed [A-Za-z_][A-Za-z0-9_.]*/ { n = 40 } n > 0 { print; n-- }' "$results/console.log" | head -n 400
fi

# The summary comes from the TRX files (one per test project).
passed=0 failed=0
while IFS= read -r trx; do
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0}))
    # Errors, timeouts and aborts count as failures.
    for what in failed error timeout aborted; do
        f="$(sed -n "s/.* $what=\"\([0-9]*\)\".*/\1/p" <<<"$counters")"
        failed=$((failed + ${f:-0}))
    done
done < <(find "$results" -name '*.trx')
echo
echo "$passed passed, $failed failed"
if ((status == 0 && failed > 0)); then status=1; fi
exit "$status"
