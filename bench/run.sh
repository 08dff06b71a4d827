#!/usr/bin/env bash
# FtEmu benchmark suite: runs every benchmark guest natively, under qemu-x86_64 (qemu-user) and
# under FtEmu with each engine (interpreter, JIT), checks that all print what the native run prints,
# and prints a Markdown table of wall times, ratios with their geometric means and peak memory,
# then the hello-world start-up time, the peak-memory check and the machine it ran on.
#
# Guests: bench/guests/*.c (gcc -static -O2) and Debian's busybox-static applets (bb-*) over
# generated input in bench/out. The table is saved as bench/out/table.md.
#
# Usage: bench/run.sh [SCALE]      SCALE (or env BENCH_SCALE) sizes the work: 1.0 is about a second
#                                  natively per guest; 0.02 is a quick smoke run.
# Env:   BENCH_GUESTS="crc bb-gzip"  run a subset.   BENCH_SKIP_QEMU=1  leave qemu out.
#        BENCH_STARTUP_RUNS=10       runs of hello-world whose median is the start-up time.
#        BENCH_REPEAT=1              rounds of native, qemu and jit runs (the interpreter runs once);
#                                    the table keeps each one's fastest wall time and largest peak RSS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
scale="${1:-${BENCH_SCALE:-1.0}}"
out="$here/out"
startup_runs="${BENCH_STARTUP_RUNS:-10}"
skip_qemu="${BENCH_SKIP_QEMU:-0}"
repeat="${BENCH_REPEAT:-1}"
mkdir -p "$out"
if ! awk -v s="$scale" 'BEGIN { exit !(s + 0 > 0) }'; then
    echo "bench: SCALE must be a positive number, not '$scale'" >&2
    exit 2
fi

need=()
command -v gcc >/dev/null || need+=(gcc libc6-dev)
[[ -x /usr/bin/time ]] || need+=(time)
[[ -x /bin/busybox ]] || need+=(busybox-static)
[[ $skip_qemu == 1 ]] || command -v qemu-x86_64 >/dev/null || need+=(qemu-user)
if ((${#need[@]})); then
    echo "bench: installing ${need[*]}" >&2
    sudo=()
    [[ $(id -u) == 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${need[@]}"
fi

echo "bench: building FtEmu (Release) and the guests; scale $scale" >&2
dotnet build "$repo/src/FtEmu.Cli" -c Release -v quiet -nologo >"$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
ftemu=(dotnet "$repo/src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll")

build() { # build SRC DST [gcc flags...]: compiles when DST is missing or older than SRC
    local src="$1" dst="$2"; shift 2
    if [[ ! -e $dst || $src -nt $dst ]]; then gcc -O2 "$@" -o "$dst" "$src" -lm; fi
}
build "$repo/guest-images/src/hello.c" "$out/hello" -static -fno-pie -no-pie
build "$here/gendata.c" "$out/gendata"

# What each guest is, for the table; bb-* are busybox applets over generated data.
declare -A kind_of=(
    [crc]="integer" [sha256]="integer (hash)" [lz]="integer (compression)"
    [nbody]="floating point" [spectral]="floating point"
    [sort]="memory" [io]="syscalls"
    [bb-sha256sum]="busybox (hash)" [bb-gzip]="busybox (compression)" [bb-bzip2]="busybox (compression)"
)
# Input of each busybox guest at SCALE 1, sized for about a second natively.
declare -A bb_mb=([bb-sha256sum]=256 [bb-gzip]=32 [bb-bzip2]=16)
declare -A bb_cmd=([bb-sha256sum]="sha256sum" [bb-gzip]="gzip -c" [bb-bzip2]="bzip2 -c")

selected() { [[ -z ${BENCH_GUESTS:-} || " $BENCH_GUESTS " == *" $1 "* ]]; }
guests=()
# A guest's command line, its words joined by the unit separator so that paths may hold spaces.
sep=$'\x1f'
declare -A args_of
for src in "$here"/guests/*.c; do
    name="$(basename "$src" .c)"
    selected "$name" || continue
    build "$src" "$out/$name" -static -fno-pie -no-pie
    guests+=("$name")
    args_of[$name]="$out/$name$sep$scale"
done
for name in bb-sha256sum bb-gzip bb-bzip2; do
    selected "$name" || continue
    bytes=$(awk -v s="$scale" -v m="${bb_mb[$name]}" 'BEGIN { printf "%d", s * m * 1048576 }')
    data="$out/data-$bytes.txt"
    if [[ ! -e $data ]]; then "$out/gendata" "$bytes" >"$data.tmp" && mv "$data.tmp" "$data"; fi
    guests+=("$name")
    args_of[$name]="/bin/busybox$sep${bb_cmd[$name]// /$sep}$sep$data"
done
if ((${#guests[@]} == 0)); then
    echo "bench: no guest matches BENCH_GUESTS='${BENCH_GUESTS:-}'" >&2
    exit 2
fi

# Engines: `ftemu run --engine interp|jit`. Before the JIT exists there is no --engine option, and
# the interpreter runs without it. An engine counts as supported if hello-world runs under it as
# natively (exit status 3 and the same output).
"$out/hello" >"$out/hello.native.out" 2>&1 || true
engine_ok() {
    local st=0
    "${ftemu[@]}" run --engine "$1" "$out/hello" >"$out/hello.$1.probe" 2>&1 || st=$?
    [[ $st == 3 ]] && cmp -s "$out/hello.native.out" "$out/hello.$1.probe"
}
declare -A engine_args
if engine_ok interp; then engine_args[interp]="--engine interp"; else engine_args[interp]=""; fi
engines=(interp)
if engine_ok jit; then engine_args[jit]="--engine jit"; engines+=(jit); fi
echo "bench: engines: ${engines[*]} (jit: ${engine_args[jit]:-not available, n/a})" >&2

command_of() { # command_of RUNNER GUEST: sets the array $cmd
    local g="$2"
    IFS="$sep" read -r -a gargs <<<"${args_of[$g]}"
    case "$1" in
        native) cmd=("${gargs[@]}") ;;
        qemu) cmd=(qemu-x86_64 "${gargs[@]}") ;;
        interp | jit)
            read -r -a eargs <<<"${engine_args[$1]}"
            cmd=("${ftemu[@]}" run "${eargs[@]}" "${gargs[@]}") ;;
    esac
}

# measure LABEL COMMAND...: runs the command; sets $wall (s), $rss (MB: /usr/bin/time's maximum
# resident set size) and $status, and keeps stdout and stderr in $out/LABEL.{out,err}.
measure() {
    local label="$1"; shift
    local tf="$out/.time" t0 t1
    status=0
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$tf" "$@" >"$out/$label.out" 2>"$out/$label.err" || status=$?
    t1=$(date +%s%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
    rss=$(awk -v k="$(tail -n 1 "$tf")" 'BEGIN { printf "%.1f", k / 1024 }')
}

runners=(native)
[[ $skip_qemu == 1 ]] || runners+=(qemu)
runners+=("${engines[@]}")
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
declare -A wall_of rss_of ok_of status_of
# Rounds interleave the runners, so that a slow spell of the machine hits them alike; the machine's
# speed varies by 10-35% from run to run (see bench/README.md), and the fastest of a few runs is the
# steadiest figure. The interpreter, slow and far from its target, runs in the first round only.
for g in "${guests[@]}"; do
    for ((round = 1; round <= repeat; round++)); do
        for r in "${runners[@]}"; do
            [[ $round == 1 || $r != interp ]] || continue
            command_of "$r" "$g"
            echo "bench: $g under $r (round $round of $repeat) ..." >&2
            measure "$g.$r" "${cmd[@]}"
            if [[ $round == 1 ]] || awk -v a="$wall" -v b="${wall_of[$g.$r]}" 'BEGIN { exit !(a < b) }'; then wall_of[$g.$r]=$wall; fi
            if [[ $round == 1 ]] || awk -v a="$rss" -v b="${rss_of[$g.$r]}" 'BEGIN { exit !(a > b) }'; then rss_of[$g.$r]=$rss; fi
            if [[ $round == 1 ]]; then status_of[$g.$r]=$status; fi
            if [[ $r == native ]]; then
                if [[ $round == 1 ]]; then ok_of[$g.$r]=ok; fi
            elif [[ $status == "${status_of[$g.native]}" ]] && cmp -s "$out/$g.native.out" "$out/$g.$r.out"; then
                if [[ $round == 1 ]]; then ok_of[$g.$r]=ok; fi
            else
                ok_of[$g.$r]="$r differs (exit $status)"
            fi
        done
    done
done

# Hello-world start-up: median wall time of several runs of each runner.
median_ms() {
    local i t0 t1
    for ((i = 0; i < startup_runs; i++)); do
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        echo $(((t1 - t0) / 1000))
    done | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2); printf "%.1f", m / 1000 }'
}
echo "bench: hello-world start-up, median of $startup_runs runs each ..." >&2
declare -A startup_of
startup_of[native]=$(median_ms "$out/hello")
[[ $skip_qemu == 1 ]] || startup_of[qemu]=$(median_ms qemu-x86_64 "$out/hello")
for e in "${engines[@]}"; do
    read -r -a eargs <<<"${engine_args[$e]}"
    startup_of[$e]=$(median_ms "${ftemu[@]}" run "${eargs[@]}" "$out/hello")
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- Report ----
fmt_s() { [[ -n ${1:-} ]] && echo "$1" || echo "n/a"; }
ratio() { awk -v a="${1:-}" -v b="${2:-}" 'BEGIN { if (a == "" || b == "") print "n/a"; else printf "%.2fx", a / (b > 0.001 ? b : 0.001) }'; }
# Only a run whose output agrees counts in a ratio.
timed() { [[ ${ok_of[$1.$2]:-} == ok ]] && echo "${wall_of[$1.$2]}" || echo ""; }
qemu_version="$(qemu-x86_64 --version 2>/dev/null | head -n 1 | sed 's/qemu-x86_64 version //' || true)"
{
    echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores," \
        "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
        "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r);" \
        ".NET $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')" \
        "(SDK $(dotnet --version)), qemu-x86_64 ${qemu_version:-n/a}, busybox $(/bin/busybox 2>&1 | head -n 1 | awk '{ print $2 }')."
    echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/run.sh $scale\`, commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')," \
        "engines: ${engines[*]}, the fastest of $repeat round(s) (the interpreter: one); load average before $load_before, after $load_after."
    echo
    echo "| guest | kind | native s | qemu s | interp s | jit s | interp/native | interp/qemu | jit/native | jit/qemu | peak RSS MB native / qemu / interp / jit | outputs |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
    for g in "${guests[@]}"; do
        n=${wall_of[$g.native]}
        q=$(timed "$g" qemu); i=$(timed "$g" interp); j=$(timed "$g" jit)
        check=()
        for r in "${runners[@]}"; do [[ ${ok_of[$g.$r]} == ok ]] || check+=("${ok_of[$g.$r]}"); done
        ((${#check[@]})) && verdict="$(IFS=';'; echo "**${check[*]}**")" || verdict="agree"
        rss="${rss_of[$g.native]} / ${rss_of[$g.qemu]:-n/a} / ${rss_of[$g.interp]:-n/a} / ${rss_of[$g.jit]:-n/a}"
        echo "| $g | ${kind_of[$g]:--} | $n | $(fmt_s "${wall_of[$g.qemu]:-}") | $(fmt_s "${wall_of[$g.interp]:-}") | $(fmt_s "${wall_of[$g.jit]:-}")" \
            "| $(ratio "$i" "$n") | $(ratio "$i" "$q") | $(ratio "$j" "$n") | $(ratio "$j" "$q") | $rss | $verdict |"
    done
    # Geometric means of each ratio column, over the guests where both runs agree with native.
    for g in "${guests[@]}"; do
        q=$(timed "$g" qemu); i=$(timed "$g" interp); j=$(timed "$g" jit)
        echo "${wall_of[$g.native]} ${q:--} ${i:--} ${j:--}"
    done | awk '
        function add(k, a, b) { if (a != "-" && b != "-" && b + 0 > 0) { s[k] += log(a / (b > 0.001 ? b : 0.001)); c[k]++ } }
        function gm(k) { return c[k] ? sprintf("**%.2fx**", exp(s[k] / c[k])) : "n/a" }
        { n = $1; q = $2; i = $3; j = $4; add("in", i, n); add("iq", i, q); add("jn", j, n); add("jq", j, q); add("qn", q, n) }
        END { printf "| **geometric mean** | | | | | | %s | %s | %s | %s | qemu/native %s | |\n", gm("in"), gm("iq"), gm("jn"), gm("jq"), gm("qn") }'
    echo
    line="Start-up (hello-world, median of $startup_runs runs): native ${startup_of[native]} ms"
    if [[ -n ${startup_of[qemu]:-} ]]; then line+=", qemu ${startup_of[qemu]} ms"; fi
    for e in "${engines[@]}"; do line+=", ftemu $e ${startup_of[$e]} ms"; done
    if [[ -z ${startup_of[jit]:-} ]]; then line+=", ftemu jit n/a"; fi
    verdicts=()
    for e in "${engines[@]}"; do
        verdicts+=("$(awk -v t="${startup_of[$e]}" -v e="$e" 'BEGIN { printf "%s for %s", (t < 150 ? "met" : "missed"), e }')")
    done
    echo "$line. Target: under 150 ms ($(IFS=,; echo "${verdicts[*]}" | sed 's/,/, /g'))."
    echo
    # Peak memory: FtEmu's peak RSS over the guest's native peak; the target allows 64 MB more.
    for e in "${engines[@]}"; do
        for g in "${guests[@]}"; do echo "$g ${rss_of[$g.native]} ${rss_of[$g.$e]}"; done | awk -v e="$e" '
            { d = $3 - $2; if (NR == 1 || d > worst) { worst = d; wg = $1 } if (d > 64) over = over " " $1 }
            END { printf "Peak memory (%s): at most native + %.1f MB (%s); target native + 64 MB: %s.\n", e, worst, wg, (over == "" ? "met" : "missed by" over) }'
    done
    if [[ -z ${engine_args[jit]:-} ]]; then echo "Peak memory (jit): n/a."; fi
} >"$out/table.md"
echo
cat "$out/table.md"
echo
echo "(saved as $out/table.md; each run's stdout/stderr is in $out/GUEST.RUNNER.{out,err})"
