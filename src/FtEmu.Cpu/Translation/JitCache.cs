namespace FtEmu.Cpu;

/// <summary>
/// When blocks get compiled, and statistics of the JIT.
/// </summary>
/// <remarks>
/// Invariant: a translation lives on its <see cref="Block"/> and is run only while that block is
/// valid. <see cref="BlockCache"/> never hands out an invalidated block (a write, unmap or
/// protection change on its pages invalidates it), and chain slots are checked for validity and
/// entry address before use, so self-modifying code, munmap and mprotect drop translations with
/// their blocks. Hotness counts only decide when to compile, never what the guest computes.
/// </remarks>
public sealed class JitCache
{
    // 3000 rather than 100: with compilation in the background, waiting longer costs little, and the
    // regions come out fewer and better formed (their warm members are known). bzip2 and gzip ran
    // 5-15% faster with 3.5 MB less peak RSS; crc, lz, sha256 and sort did not change beyond noise.
    public const int DefaultThreshold = 3000;

    /// <summary>A block is compiled once it has been interpreted this many times.</summary>
    public int Threshold { get; set; } = DefaultThreshold;

    public bool Chaining { get; set; } = true;

    /// <summary>Most blocks one translation covers (1: every block on its own).</summary>
    public int MaxRegionBlocks { get; set; } = JitRegion.DefaultMaxBlocks;

    /// <summary>Regions compiled (each counts its head).</summary>
    public long BlocksCompiled { get; private set; }
    /// <summary>Blocks in all compiled regions (a block in two regions counts twice).</summary>
    public long RegionBlocksCompiled { get; private set; }
    public long OpsCompiled { get; private set; }
    public long OpsFallback { get; private set; }

    /// <summary>Profiling (off by default): how often each Code ran through a handler call in compiled blocks.</summary>
    public bool Profiling { get; set; }

    private readonly Dictionary<Block, Iced.Intel.Code[]> _fallbacks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Iced.Intel.Code, long> _fallbackRuns = new();

    /// <summary>Compiled regions entered from the run loop, and blocks it interpreted (a region exit costs a trip through the loop).</summary>
    public long RegionRuns, InterpretedRuns;

    /// <summary>IL emitted for the installed regions (.NET's compile time grows with it).</summary>
    public long IlBytesCompiled { get; private set; }

    /// <summary>Profiling (off by default): how often the run loop went from each region's head to each address.</summary>
    public bool ProfilingExits { get; set; }
    private readonly Dictionary<(ulong Head, ulong Next), long> _exitRuns = new();

    internal void ProfileExit(Block head, ulong next)
    {
        var key = (head.StartIp, next);
        _exitRuns[key] = _exitRuns.GetValueOrDefault(key) + 1;
    }

    /// <summary>Profile: region exits by (head, next address), most frequent first (ties by address, so the order is stable).</summary>
    public IEnumerable<(ulong Head, ulong Next, long Runs)> ExitProfile() =>
        _exitRuns.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Head).ThenBy(e => e.Key.Next).Select(e => (e.Key.Head, e.Key.Next, e.Value));

    public long CompiledBlockRuns { get; private set; }
    public long CompiledOpRuns { get; private set; }

    /// <summary>Profile: handler-call counts by Code, most frequent first (ties by Code, so the order is stable).</summary>
    public IEnumerable<(Iced.Intel.Code Code, long Runs)> FallbackProfile() =>
        _fallbackRuns.Select(kv => (kv.Key, kv.Value)).OrderByDescending(e => e.Value).ThenBy(e => e.Key);

    internal void ProfileRun(Block block)
    {
        CompiledBlockRuns++;
        CompiledOpRuns += block.Ops.Length;
        if (!_fallbacks.TryGetValue(block, out var codes))
        {
            codes = block.Ops.Where(op => JitInlineTable.Classify(in op).Form == JitForm.Fallback).Select(op => op.Code).ToArray();
            _fallbacks[block] = codes;
        }
        foreach (var c in codes) _fallbackRuns[c] = _fallbackRuns.GetValueOrDefault(c) + 1;
    }

    /// <summary>
    /// Interpreted runs that make a block warm enough to join a region: an eighth of the threshold, so
    /// a successor taken one time in eight joins its head. With three quarters busybox gzip's
    /// longest_match loop was split over about 15 regions that left to each other through the run loop:
    /// region runs 11.3 M to 8.7 M, IL 824 to 1142 KB, gzip 1.60 to 1.52 s, bzip2 2.06 to 1.97 s
    /// (alternating runs), the other guests unchanged; a 32nd made regions no better (the op limit).
    /// </summary>
    private int MemberHits => Math.Max(1, Threshold / 8);

    /// <summary>Counts one interpreted run of <paramref name="block"/> and compiles it (or has it compiled) when it has become hot.</summary>
    internal void Observe(Block block, BlockCache cache)
    {
        if (++block.Hits != Threshold) return; // once: the count goes on past the threshold while a translation is pending
        // Profiling counts handler calls per head block, so it compiles every block on its own.
        var region = JitRegion.Build(block, cache, Profiling ? 1 : MaxRegionBlocks, MemberHits);
        if (Background) JitBackgroundCompiler.Enqueue(this, block, region);
        else Install(JitCompiler.Translate(block, region));
    }

    /// <summary>
    /// A region with leaving stubs that leaves at TLB misses this often (at least <see cref="MissRecompileMin"/>
    /// times, and once per this many runs) is compiled again with resuming ones: a loop over two
    /// pages that share a TLB entry, or an access across a page boundary, misses every time round.
    /// Only misses at most <see cref="MissCloseInstructions"/> instructions after the region's
    /// previous one count: a loop that streams through memory leaves once per page it touches
    /// first (each run ends at one), hundreds of instructions apart, and resuming stubs, whose calls
    /// make .NET keep a loop's registers in memory, would slow every later iteration of it for good
    /// (sort's and bzip2's initialising loops, memcpy and memset were compiled again so).
    /// </summary>
    internal const int MissRecompileMin = 64, MissRecompileRuns = 8, MissCloseInstructions = 256;

    /// <summary>
    /// Counts a TLB-miss exit of <paramref name="head"/>'s region, made at instruction count
    /// <paramref name="count"/>, and has it compiled with resuming stubs when that is frequent.
    /// </summary>
    internal void ObserveMissExit(Block head, JitRegion region, BlockCache cache, ulong count)
    {
        bool close = count - region.LastMissAt <= MissCloseInstructions;
        region.LastMissAt = count;
        if (!close) return;
        if (++region.MissExits < MissRecompileMin || region.ResumeMisses || region.Replaced || region.MissExits * MissRecompileRuns < region.Runs) return;
        region.Replaced = true;
        MissRecompiles++;
        var again = JitRegion.Build(head, cache, MaxRegionBlocks, MemberHits, resumeMisses: true);
        if (Background) JitBackgroundCompiler.Enqueue(this, head, again);
        else Install(JitCompiler.Translate(head, again));
    }

    /// <summary>Regions compiled again with resuming stubs.</summary>
    public long MissRecompiles { get; private set; }

    /// <summary>Compiles <paramref name="block"/> on its own, now (tests).</summary>
    internal void CompileNow(Block block, BlockCache cache)
    {
        if (block.Code == null) Install(JitCompiler.Translate(block, JitRegion.Build(block, cache, 1, 0)));
    }

    // ---- Background compilation: finished translations wait here for the CPU thread ----

    private readonly System.Collections.Concurrent.ConcurrentQueue<JitTranslation> _finished = new();
    private volatile int _finishedCount;

    /// <summary>Whether translations are made on the background compiler's thread (the default) or at once.</summary>
    public bool Background { get; set; } = true;

    /// <summary>Translations that failed (a defect in an emitter); their blocks stay interpreted.</summary>
    public long Failures => Interlocked.Read(ref _failures);
    private long _failures;
    public string? LastFailure { get; private set; }

    internal bool HasFinished => _finishedCount != 0;

    internal void Finished(JitTranslation t)
    {
        _finished.Enqueue(t);
        Interlocked.Increment(ref _finishedCount);
    }

    internal void Failed(Exception e)
    {
        LastFailure = e.Message;
        Interlocked.Increment(ref _failures);
    }

    /// <summary>On the CPU thread, between blocks: attaches the translations that are ready.</summary>
    internal void InstallFinished()
    {
        while (_finished.TryDequeue(out var t))
        {
            Interlocked.Decrement(ref _finishedCount);
            Install(t);
        }
    }

    private void Install(JitTranslation t)
    {
        if (!t.Install())
        {
            t.Head.Hits = 0; // a member changed meanwhile: compile again once it is hot again
            return;
        }
        BlocksCompiled++;
        IlBytesCompiled += t.IlBytes;
        foreach (var member in t.Region.Members)
        {
            RegionBlocksCompiled++;
            OpsCompiled += member.Ops.Length;
            foreach (ref readonly DecodedOp op in member.Ops.AsSpan())
                if (JitInlineTable.Classify(in op).Form == JitForm.Fallback) OpsFallback++;
        }
    }
}
