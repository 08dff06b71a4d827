using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>Coverage of a run: every claimed Code with its case, fault and mismatch counts, and the exclusions with reasons.</summary>
public static class CoverageReport
{
    public static string Summary(DiffResult r)
    {
        var sb = new System.Text.StringBuilder();
        int excluded = r.Claimed.Count(c => ClaimedCodes.ExclusionReason(c) != null);
        var uncovered = r.Uncovered.ToList();
        sb.AppendLine($"cases: {r.Cases}  mismatches: {r.Mismatches}  claimed codes: {r.Claimed.Count}  excluded: {excluded}  uncovered: {uncovered.Count}  time: {r.Elapsed.TotalSeconds:F1} s");
        if (r.PerCode.Count > 0)
        {
            var min = r.PerCode.MinBy(kv => kv.Value.Cases);
            var max = r.PerCode.MaxBy(kv => kv.Value.Cases);
            long faults = r.PerCode.Values.Sum(s => s.Faults);
            sb.AppendLine($"cases per code: {min.Value.Cases} ({min.Key}) to {max.Value.Cases} ({max.Key}); {faults} cases faulted natively; per-code table in --report");
        }
        var bad = r.PerCode.Where(kv => kv.Value.Mismatches > 0).OrderByDescending(kv => kv.Value.Mismatches).ToList();
        if (bad.Count > 0)
        {
            sb.AppendLine("mismatches per code:");
            foreach (var (code, st) in bad)
                sb.AppendLine($"  {code,-32} {st.Mismatches,8} of {st.Cases}{(KnownFailures.Codes.TryGetValue(code, out var why) ? "  (known: " + why + ")" : "")}");
        }
        const int listed = 20;
        foreach (var c in uncovered.Take(listed))
            sb.AppendLine($"  not covered: {c}{(r.GenerationFailures.TryGetValue(c, out var err) ? " (" + err + ")" : "")}");
        if (uncovered.Count > listed) sb.AppendLine($"  ... and {uncovered.Count - listed} more not covered (the full list is in --report)");
        int runnable = r.Claimed.Count - excluded;
        if (r.Cases < runnable) sb.AppendLine($"  (cases go round-robin over the {runnable} runnable Codes: use --cases {runnable} or more for full coverage)");
        return sb.ToString();
    }

    public static string Full(DiffResult r)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(Summary(r));
        sb.AppendLine();
        sb.AppendLine($"{"code",-36} {"cases",10} {"faults",10} {"mismatches",10}");
        foreach (var c in r.Claimed)
        {
            string? why = ClaimedCodes.ExclusionReason(c);
            if (why != null)
            {
                sb.AppendLine($"{c,-36} excluded: {why}");
                continue;
            }
            r.PerCode.TryGetValue(c, out var st);
            st ??= new CodeStats();
            sb.AppendLine($"{c,-36} {st.Cases,10} {st.Faults,10} {st.Mismatches,10}{(st.Cases == 0 ? "  NOT COVERED" : "")}");
        }
        if (r.FirstMismatches.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("first mismatches:");
            foreach (var m in r.FirstMismatches) sb.Append(m);
        }
        return sb.ToString();
    }
}
