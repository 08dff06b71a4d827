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
    public bool Valid { get; set; } = true;

    // JIT state (see JitCache): a translation and chain slots belong to this block and are used only while it is valid.

    /// <summary>Times the JIT engine interpreted this block, until it is translated.</summary>
    internal int Hits;
    /// <summary>The block compiled to IL, or null.</summary>
    internal JitBlockCode? Code;
    /// <summary>The block last reached through exit 0 (branch taken), 1 (fall-through) and 2 (indirect) of <see cref="Code"/>.</summary>
    internal Block? Next0, Next1, Next2;

    public ulong FirstPage => StartIp >> GuestMemory.PageShift;
    public ulong LastPage => (EndIp - 1) >> GuestMemory.PageShift;
}
