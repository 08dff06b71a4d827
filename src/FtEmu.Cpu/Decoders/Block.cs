namespace FtEmu.Cpu;

/// <summary>
/// A run of guest instructions decoded from one entry address up to and including the first
/// control transfer (or a size limit). A block is valid while every page it was decoded from is
/// unchanged; writes, unmaps and protection changes on those pages clear <see cref="Valid"/>.
/// </summary>
public sealed class Block
{
    public Block(ulong startIp, DecodedOp[] ops, ulong endIp)
    {
        StartIp = startIp;
        Ops = ops;
        EndIp = endIp;
    }

    public ulong StartIp { get; }
    /// <summary>One past the last byte of the last instruction.</summary>
    public ulong EndIp { get; }
    public DecodedOp[] Ops { get; }
    public bool Valid { get; private set; } = true;

    // JIT state (see JitCache): a translation and chain slots belong to this block and are used only while it is valid.

    /// <summary>Times the JIT engine interpreted this block, until it is translated.</summary>
    internal int Hits;
    /// <summary>The region headed by this block compiled to IL, or null.</summary>
    internal JitBlockCode? Code;
    /// <summary>The budget a run of <see cref="Code"/> needs: the ops of the longest path it may take without checking (see JitEmitter).</summary>
    internal int CodeOps;
    /// <summary>Code's region (members and op numbering), for faults.</summary>
    internal JitRegion? Region;
    /// <summary>Per exit of <see cref="Code"/>: the block that exit last led to.</summary>
    internal Block?[] NextSlots = Array.Empty<Block?>();
    /// <summary>Heads of the compiled regions this block is a member of (itself included).</summary>
    private List<Block>? _dependents;

    internal void AddDependent(Block head) => (_dependents ??= new List<Block>()).Add(head);

    /// <summary>The block's pages changed: it is never run again, nor any translation that contains it.</summary>
    public void Invalidate()
    {
        Valid = false;
        if (_dependents == null) return;
        foreach (var head in _dependents) head.DropTranslation();
        _dependents = null;
    }

    /// <summary>Forgets the translation headed here; the block may become hot and be compiled again.</summary>
    internal void DropTranslation()
    {
        Code = null;
        Region = null;
        NextSlots = Array.Empty<Block?>();
        Hits = 0;
    }

    public ulong FirstPage => StartIp >> GuestMemory.PageShift;
    public ulong LastPage => (EndIp - 1) >> GuestMemory.PageShift;
}
