namespace FtEmu.Cpu;

/// <summary>
/// The unit of translation: a hot head block and the blocks its direct branches, direct calls and
/// the returns of those calls reach, as far as they are warm already: interpreted an eighth of the
/// compile threshold, or compiled themselves (cold paths stay out, which keeps translations small). One DynamicMethod runs them all, with branches between members in IL and the GPR cache
/// kept across them, so a loop of several blocks or a hot path with a side exit never goes back to
/// the run loop.
/// </summary>
/// <remarks>
/// Invariant: a region runs only while every member is valid. Each member lists the heads whose
/// regions contain it (<see cref="Block.Dependents"/>); invalidating a member drops those
/// translations (<see cref="Block.Invalidate"/>). Members are found in a fixed order from the code
/// alone (breadth first: taken target, fall-through), so a region depends only on what the guest ran.
/// </remarks>
internal sealed class JitRegion
{
    /// <summary>
    /// Large enough for a hot loop nest with its calls. The op limit is .NET's inlining budget: past
    /// about 200 ops a method stops inlining the vector helpers its IL calls (memory is probed in IL
    /// itself), and every later op pays a call: with 256, sha256 ran 25% slower (twice with 640).
    /// </summary>
    public const int DefaultMaxBlocks = 24, MaxOps = 160;

    public readonly Block[] Members;
    /// <summary>Whether its stubs finish a TLB miss and come back (see <see cref="JitEmitter.MissExit"/>), or leave.</summary>
    public bool ResumeMisses { get; init; }
    /// <summary>Runs, and exits at a TLB miss close to the one before (CPU thread): a region that misses often is compiled again with resuming stubs.</summary>
    public long Runs, MissExits;
    /// <summary>The instruction count at its latest TLB-miss exit.</summary>
    public ulong LastMissAt;
    /// <summary>A resuming replacement has been asked for.</summary>
    public bool Replaced;
    /// <summary>Index in the region-wide op numbering (<see cref="Cpu.JitOpIndex"/>) of each member's first op.</summary>
    public readonly int[] OpBase;

    private JitRegion(Block[] members)
    {
        Members = members;
        OpBase = new int[members.Length];
        for (int k = 1; k < members.Length; k++) OpBase[k] = OpBase[k - 1] + members[k - 1].Ops.Length;
    }

    /// <summary>Member index of the block starting at <paramref name="ip"/>, or -1.</summary>
    public int IndexOf(ulong ip)
    {
        for (int k = 0; k < Members.Length; k++)
            if (Members[k].StartIp == ip) return k;
        return -1;
    }

    /// <summary>The member and op index within it of region-wide op <paramref name="index"/>.</summary>
    public (Block Block, int Op) Locate(int index)
    {
        int k = Members.Length - 1;
        while (OpBase[k] > index) k--;
        return (Members[k], index - OpBase[k]);
    }

    /// <summary>Collects the region of <paramref name="head"/> from blocks already in <paramref name="cache"/>.</summary>
    public static JitRegion Build(Block head, BlockCache cache, int maxBlocks, int minHits, bool resumeMisses = false)
    {
        var members = new List<Block> { head };
        int ops = head.Ops.Length;
        for (int k = 0; k < members.Count && members.Count < maxBlocks; k++)
        {
            foreach (ulong target in Successors(members[k]))
            {
                if (members.Count >= maxBlocks) break;
                Block? b = cache.Peek(target);
                if (b == null || b.Hits < minHits && b.Code == null || members.Contains(b) || ops + b.Ops.Length > MaxOps) continue;
                members.Add(b);
                ops += b.Ops.Length;
            }
        }
        return new JitRegion(members.ToArray()) { ResumeMisses = resumeMisses };
    }

    /// <summary>Addresses a block can continue at that are known from its code: taken target first, then fall-through.</summary>
    private static IEnumerable<ulong> Successors(Block block)
    {
        DecodedOp last = block.Ops[^1];
        var (form, _) = JitInlineTable.Classify(in last);
        switch (form)
        {
            case JitForm.Jcc:
                yield return last.Imm;
                yield return last.NextIp;
                break;
            case JitForm.Jmp or JitForm.Call when last.Kind0 == OperandKind.Immediate:
                yield return last.Imm;
                if (form == JitForm.Call) yield return last.NextIp; // where the callee's RET returns
                break;
            case JitForm.Fallback or JitForm.Jmp or JitForm.Call or JitForm.Ret:
                break; // a handler (system call, string op...) or an indirect transfer: the state decides
            default:
                yield return last.NextIp; // the block ended at the size limit
                break;
        }
    }
}
