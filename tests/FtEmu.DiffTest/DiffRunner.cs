using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>One case where the host and FtEmu disagree.</summary>
public sealed record Mismatch(DiffCase Case, IReadOnlyList<string> Fields, MachineState Native, MachineState Emulator)
{
    public override string ToString()
    {
        var c = Case;
        var sb = new System.Text.StringBuilder();
        sb.AppendLine($"case {c.Index} {c.Code}: {Convert.ToHexString(c.Bytes)}  {c.Disassembly()}");
        sb.Append("  initial:");
        string[] names = ["rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"];
        for (int i = 0; i < 16; i++) sb.Append($" {names[i]}={c.Gpr[i]:x}");
        sb.AppendLine($" rflags={c.Rflags:x} fcw={BitConverter.ToUInt16(c.Fx, 0):x4} fsw={BitConverter.ToUInt16(c.Fx, 2):x4} ftw={c.Fx[4]:x2} mxcsr={BitConverter.ToUInt32(c.Fx, 24):x}");
        sb.Append("  initial x87:");
        for (int i = 0; i < 8; i++) sb.Append($" st{i}={BitConverter.ToUInt16(c.Fx, 40 + 16 * i):x4}:{BitConverter.ToUInt64(c.Fx, 32 + 16 * i):x16}");
        sb.AppendLine();
        if (c.Code.ToString().Contains("xmm", StringComparison.Ordinal))
        {
            sb.Append("  initial xmm:");
            for (int i = 0; i < 16; i++) sb.Append($" {i}={BitConverter.ToUInt64(c.Fx, 168 + 16 * i):x16}{BitConverter.ToUInt64(c.Fx, 160 + 16 * i):x16}");
            sb.AppendLine();
        }
        foreach (var f in Fields) sb.AppendLine("  " + f);
        return sb.ToString();
    }
}

/// <summary>Per-Code tallies of a run.</summary>
public sealed class CodeStats
{
    public long Cases;
    public long Mismatches;
    public long Faults;
}

/// <summary>The result of a run: counts per Code, the first mismatches in full, and what could not be generated.</summary>
public sealed class DiffResult
{
    public long Cases;
    public long Mismatches;
    public Dictionary<Code, CodeStats> PerCode { get; } = new();
    public List<Mismatch> FirstMismatches { get; } = new();
    public Dictionary<Code, string> GenerationFailures { get; } = new();
    public IReadOnlyList<Code> Claimed { get; init; } = [];
    public TimeSpan Elapsed;

    /// <summary>Claimed, not excluded, and never run.</summary>
    public IEnumerable<Code> Uncovered =>
        Claimed.Where(c => ClaimedCodes.ExclusionReason(c) == null && (!PerCode.TryGetValue(c, out var s) || s.Cases == 0));

    public long MismatchesOutside(IReadOnlyDictionary<Code, string> known) =>
        PerCode.Where(kv => !known.ContainsKey(kv.Key)).Sum(kv => kv.Value.Mismatches);
}

/// <summary>
/// Generates cases round-robin over the claimed Codes, runs each batch on the host and in FtEmu and
/// compares. Case i tests Code i mod n, so every claimed Code gets cases once the run has n of them.
/// </summary>
public static class DiffRunner
{
    public const int DefaultBatch = 4096;

    /// <param name="only">Restricts the run (and its coverage check) to the claimed Codes it accepts, to focus on one family.</param>
    public static DiffResult Run(long cases, ulong seed, int keepMismatches = 50, Action<DiffResult>? progress = null, int batch = DefaultBatch,
        Func<Code, bool>? only = null)
    {
        var claimed = only == null ? ClaimedCodes.All() : ClaimedCodes.All().Where(only).ToArray();
        var codes = claimed.Where(c => ClaimedCodes.ExclusionReason(c) == null).ToArray();
        var result = new DiffResult { Claimed = claimed };
        var start = System.Diagnostics.Stopwatch.StartNew();
        var gen = new CaseGenerator(seed);
        using var native = NativeHarness.Start();
        using var emu = new EmulatorRunner();
        var pending = new List<DiffCase>(batch);
        int keptUnknown = 0;
        for (long i = 0; i < cases;)
        {
            pending.Clear();
            for (; i < cases && pending.Count < batch; i++)
            {
                var code = codes[i % codes.Length];
                var c = gen.Generate(i, code);
                if (c == null)
                {
                    result.GenerationFailures.TryAdd(code, gen.EncodeError(code));
                    continue;
                }
                pending.Add(c);
            }
            var nat = native.Run(pending);
            foreach (var (c, n) in pending.Zip(nat))
            {
                var e = emu.Run(c);
                var diffs = StateComparer.Compare(c, n, e);
                if (!result.PerCode.TryGetValue(c.Code, out var st)) result.PerCode[c.Code] = st = new CodeStats();
                st.Cases++;
                if (n.Signal != 0) st.Faults++;
                result.Cases++;
                if (diffs.Count == 0) continue;
                st.Mismatches++;
                result.Mismatches++;
                // Known failures keep one example each, so they cannot crowd out new mismatches.
                bool known = KnownFailures.Codes.ContainsKey(c.Code);
                if (known ? st.Mismatches == 1 : keptUnknown++ < keepMismatches) result.FirstMismatches.Add(new Mismatch(c, diffs, n, e));
            }
            progress?.Invoke(result);
        }
        result.Elapsed = start.Elapsed;
        return result;
    }
}
