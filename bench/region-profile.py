#!/usr/bin/env python3
"""Where a compiled region spends its time, instruction group by instruction group.

Usage: bench/region-profile.py [--top N] [--region HEAD] -- ftemu run ARGS...
  e.g. bench/region-profile.py -- run /bin/busybox gzip -c bench/out/data-10066329.txt

Runs the Release build of ftemu once under `perf record` with .NET's perf map (so samples in
compiled regions, named ftemu_region_<head address>, have names) and with every region's native
code listed by DOTNET_JitDisasm. Prints the share of samples of the N hottest regions (or of the
one given), then each one's listing with the share of its samples in each instruction group
(the JIT's basic blocks, G_M000_IGnn). A sample is attributed to the instruction after the one
that stalled, so the share of a group that follows a load is mostly that load's latency.
Needs perf; the run is slower than usual (the listings are written as regions compile).
"""
import argparse
import bisect
import collections
import os
import re
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FTEMU = os.path.join(REPO, "src/FtEmu.Cli/bin/Release/net10.0/ftemu.dll")


def region_ranges(map_path):
    """Address ranges of the compiled regions in a perf map: {head: [(start, size)]}."""
    ranges = collections.defaultdict(list)
    with open(map_path) as f:
        for line in f:
            start, size, name = line.rstrip("\n").split(" ", 2)
            m = re.search(r"ftemu_region_([0-9a-f]+)\(", name)
            if m:
                ranges[m.group(1)].append((int(start, 16), int(size, 16)))
    return ranges


def listings(asm_path):
    """Each region's listings (a region compiled again has several): {head: [text]}."""
    with open(asm_path, errors="replace") as f:
        text = f.read()
    found = collections.defaultdict(list)
    for part in text.split("; Assembly listing for method ")[1:]:
        m = re.match(r"\(dynamicClass\):ftemu_region_([0-9a-f]+)\(", part)
        if m:
            found[m.group(1)].append(part)
    return found


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("--top", type=int, default=1)
    ap.add_argument("--region", help="head address in hex, as in ftemu_region_<head>")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    opts = ap.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    if not args:
        ap.error("give the ftemu arguments after --")
    work = tempfile.mkdtemp(prefix="ftemu-region-profile.")
    data, asm = os.path.join(work, "perf.data"), os.path.join(work, "regions.asm")
    env = dict(os.environ, DOTNET_PerfMapEnabled="3", DOTNET_JitDisasm="ftemu_region_*",
               DOTNET_JitStdOutFile=asm)
    run = subprocess.Popen(["perf", "record", "-q", "-F", "5000", "-o", data, "dotnet", FTEMU] + args,
                           env=env, stdout=subprocess.DEVNULL)
    run.wait()
    map_path = "/tmp/perf-%d.map" % next(
        int(line.split()[0]) for line in subprocess.run(
            ["perf", "script", "-i", data, "-F", "pid", "--comm", "dotnet"],
            capture_output=True, text=True).stdout.split("\n") if line.strip())
    ranges = region_ranges(map_path)
    ips = [int(x, 16) for x in subprocess.run(["perf", "script", "-i", data, "-F", "ip"],
                                              capture_output=True, text=True).stdout.split()]
    starts = sorted((start, size, head) for head, rs in ranges.items() for start, size in rs)
    hits = collections.Counter()

    keys = [s[0] for s in starts]
    for ip in ips:
        i = bisect.bisect_right(keys, ip) - 1
        if i >= 0 and ip < starts[i][0] + starts[i][1]:
            hits[(starts[i][2], starts[i][0], ip - starts[i][0])] += 1
    by_region = collections.Counter()
    for (head, _, _), n in hits.items():
        by_region[head] += n
    total = len(ips)
    print("%d samples, %.1f%% in compiled regions" % (total, 100.0 * sum(by_region.values()) / max(total, 1)))
    chosen = [opts.region] if opts.region else [h for h, _ in by_region.most_common(opts.top)]
    found = listings(asm)
    for head in chosen:
        print("\n== ftemu_region_%s: %.1f%% of all samples" % (head, 100.0 * by_region[head] / max(total, 1)))
        # The translation that ran most (a region compiled again has more than one).
        per_code = collections.Counter()
        for (h, start, _), n in hits.items():
            if h == head:
                per_code[start] += n
        if not per_code:
            continue
        start = per_code.most_common(1)[0][0]
        size = dict(ranges[head])[start]
        text = next((t for t in found.get(head, []) if "Total bytes of code %d" % size in t), None)
        if text is None:
            print("(no listing of %d bytes)" % size)
            continue
        groups = sorted((int(m.group(2), 16), m.group(1))
                        for m in re.finditer(r"^(G_M\d+_IG\d+):\s+;; offset=0x([0-9A-F]+)", text, re.M))
        offsets = [g[0] for g in groups]
        share = collections.Counter()
        for (h, s, off), n in hits.items():
            if h == head and s == start:
                share[groups[bisect.bisect_right(offsets, off) - 1][1]] += n
        mine = sum(share.values())
        for line in text.split("\n"):
            m = re.match(r"^(G_M\d+_IG\d+):", line)
            if m:
                print("%5.1f%% %s" % (100.0 * share.get(m.group(1), 0) / mine, line))
            elif line.strip() and not line.startswith(";"):
                print("       " + line)
    print("\n(perf data and listings in %s)" % work)


if __name__ == "__main__":
    sys.exit(main())
