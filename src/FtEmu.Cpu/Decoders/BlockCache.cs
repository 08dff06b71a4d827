namespace FtEmu.Cpu;

/// <summary>
/// Decoded blocks by guest entry address.
/// </summary>
/// <remarks>
/// Invariant: every block reachable from the cache is <see cref="Block.Valid"/> and was decoded from
/// pages that are marked as code in <see cref="GuestMemory"/>; when such a page is written, unmapped
/// or re-protected, memory reports it and every block on that page is dropped here. Lookups never
/// iterate a hash table, so nothing about the host leaks into guest behaviour.
/// </remarks>
public sealed class BlockCache
{
    private const int FastBits = 12;
    private const int FastMask = (1 << FastBits) - 1;

    private readonly Dictionary<ulong, Block> _byIp = new();
    private readonly Dictionary<ulong, List<Block>> _byPage = new();
    private readonly Block?[] _fast = new Block?[1 << FastBits];
    private readonly GuestMemory _memory;
    private readonly BlockDecoder _decoder;

    public BlockCache(GuestMemory memory, BlockDecoder decoder)
    {
        _memory = memory;
        _decoder = decoder;
        memory.CodePageChanged += InvalidatePage;
    }

    public long BlocksDecoded { get; private set; }
    public long Invalidations { get; private set; }

    public Block Get(ulong ip)
    {
        int slot = (int)((ip ^ (ip >> FastBits)) & FastMask);
        var b = _fast[slot];
        if (b != null && b.StartIp == ip) return b;
        if (!_byIp.TryGetValue(ip, out b))
        {
            b = _decoder.Decode(ip);
            BlocksDecoded++;
            _byIp[ip] = b;
            for (ulong page = b.FirstPage; page <= b.LastPage; page++)
            {
                if (!_byPage.TryGetValue(page, out var list)) _byPage[page] = list = new List<Block>();
                list.Add(b);
                _memory.MarkCode(page);
            }
        }
        _fast[slot] = b;
        return b;
    }

    /// <summary>The valid block decoded at <paramref name="ip"/>, or null; never decodes.</summary>
    public Block? Peek(ulong ip)
    {
        int slot = (int)((ip ^ (ip >> FastBits)) & FastMask);
        var b = _fast[slot];
        if (b != null && b.StartIp == ip) return b;
        return _byIp.TryGetValue(ip, out b) ? b : null;
    }

    public void InvalidatePage(ulong page)
    {
        if (!_byPage.Remove(page, out var list)) return;
        Invalidations++;
        foreach (var b in list)
        {
            b.Invalidate();
            if (_byIp.TryGetValue(b.StartIp, out var cur) && ReferenceEquals(cur, b)) _byIp.Remove(b.StartIp);
            int slot = (int)((b.StartIp ^ (b.StartIp >> FastBits)) & FastMask);
            if (ReferenceEquals(_fast[slot], b)) _fast[slot] = null;
        }
    }

    public void Clear()
    {
        foreach (var page in _byPage.Keys.ToArray()) InvalidatePage(page);
    }
}
