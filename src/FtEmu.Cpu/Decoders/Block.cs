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

    public ulong FirstPage => StartIp >> GuestMemory.PageShift;
    public ulong LastPage => (EndIp - 1) >> GuestMemory.PageShift;
}
