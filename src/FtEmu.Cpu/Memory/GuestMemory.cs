using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>
/// The guest's 47-bit virtual address space in 4 KiB pages with read/write/execute permissions.
/// </summary>
/// <remarks>
/// A page's storage is assigned on first write; an untouched page reads as zeros, as on Linux. The
/// pages of the <see cref="HostWindow"/>'s guest ranges have their storage at a fixed place in the
/// window (zero until written), all others in pages of their own.
///
/// The TLBs hold window pages only, so a hit needs no table load to find the data: the host address
/// is the window base plus the low 32 bits of the guest address. Invariant: a read-TLB entry exists
/// only for a readable mapped window page; a write-TLB entry only for a readable and writable window
/// page that has storage and holds no decoded code, so every write to a code page takes the slow
/// path, which invalidates the decoded blocks of that page. A window page without storage is zero.
/// </remarks>
public sealed unsafe partial class GuestMemory : IDisposable
{
    public const int PageShift = 12;
    public const ulong PageSize = 1UL << PageShift;
    public const ulong PageMask = PageSize - 1;
    /// <summary>One past the highest user address (x86-64, 4-level paging).</summary>
    public const ulong AddressLimit = 1UL << 47;

    private const int LevelBits = 12;
    private const int LevelSize = 1 << LevelBits;
    private const int LevelMask = LevelSize - 1;
    // 16384 entries: sort's random walks over ~9000 pages missed a lot with 1024 (0.4 scale: 1.77 s to
    // 1.55 s user); the tables are 512 KiB, and only the entries in use are in the host's caches.
    private const int TlbBits = 14;
    /// <summary>Entries of each (read, write) direct-mapped TLB: pages this many apart share a slot.</summary>
    public const int TlbSize = 1 << TlbBits;
    internal const ulong TlbMask = TlbSize - 1;

    private readonly PageTable?[][] _root = new PageTable?[LevelSize][];
    /// <summary>
    /// TLB entry k: the page address (vpn << PageShift, or NoPage) of a window page whose number is k
    /// modulo TlbSize. The read TLB, then the write TLB, end where the window begins
    /// (<see cref="ReadTlbOffset"/>, <see cref="WriteTlbOffset"/>).
    /// </summary>
    private readonly ulong* _read;
    private readonly ulong* _write;
    private readonly byte* _zeroPage;
    private readonly PageAllocator _pages = new();
    private readonly HostWindow? _window;
    /// <summary>The window's base; without a window, the end of a plain allocation of the TLBs (which then stay empty).</summary>
    private readonly byte* _windowBase;
    /// <summary>The TLBs' allocation when there is no window.</summary>
    private readonly void* _tlbsWithoutWindow;

    private const int TlbBytes = TlbSize * sizeof(ulong);
    /// <summary>Where the read TLB is, relative to the window base.</summary>
    internal const int ReadTlbOffset = -2 * TlbBytes;
    internal const int WriteTlbOffset = -TlbBytes;

    /// <summary>Called with the page number when a page that holds decoded code is written, unmapped or re-protected.</summary>
    public Action<ulong>? CodePageChanged;

    public GuestMemory() : this(hostWindow: true)
    {
    }

    /// <param name="hostWindow">False: no window, as on a host that cannot reserve one (for tests of that path).</param>
    internal GuestMemory(bool hostWindow)
    {
        _window = hostWindow ? HostWindow.TryReserve(2 * TlbBytes) : null;
        if (_window != null)
        {
            _windowBase = _window.Base;
        }
        else
        {
            _tlbsWithoutWindow = NativeMemory.AlignedAlloc(2 * TlbBytes, 64);
            _windowBase = (byte*)_tlbsWithoutWindow + 2 * TlbBytes;
        }
        _read = (ulong*)(_windowBase + ReadTlbOffset);
        _write = (ulong*)(_windowBase + WriteTlbOffset);
        _zeroPage = (byte*)NativeMemory.AlignedAlloc((nuint)PageSize, (nuint)PageSize);
        NativeMemory.Clear(_zeroPage, (nuint)PageSize);
        FlushTlb();
    }

    /// <summary>Pages that currently have storage of their own (for memory statistics).</summary>
    public long ResidentPages { get; private set; }

    private sealed class PageTable
    {
        public readonly nint[] Data = new nint[LevelSize];
        public readonly byte[] Prot = new byte[LevelSize];
        public readonly byte[] State = new byte[LevelSize];
    }

    // PageTable.State bits.
    private const byte Mapped = 1;
    private const byte HasCode = 2;

    private PageTable? Table(ulong vpn, bool create)
    {
        int i1 = (int)(vpn >> (2 * LevelBits)) & LevelMask;
        int i2 = (int)(vpn >> LevelBits) & LevelMask;
        var mid = _root[i1];
        if (mid == null)
        {
            if (!create) return null;
            mid = _root[i1] = new PageTable?[LevelSize];
        }
        var leaf = mid[i2];
        if (leaf == null && create) leaf = mid[i2] = new PageTable();
        return leaf;
    }

    public void FlushTlb()
    {
        for (int i = 0; i < TlbSize; i++)
        {
            _read[i] = NoPage;
            _write[i] = NoPage;
        }
    }

    private void FlushTlbPage(ulong vpn)
    {
        int i = (int)(vpn & TlbMask);
        if (_read[i] == vpn << PageShift) _read[i] = NoPage;
        if (_write[i] == vpn << PageShift) _write[i] = NoPage;
    }

    // ---- Mapping ----

    /// <summary>Maps [address, address+length) with the given protection and zero contents, replacing what was there.</summary>
    public void Map(ulong address, ulong length, Protection prot)
    {
        CheckRange(address, length);
        var released = new WindowRun(_window);
        for (ulong vpn = address >> PageShift, end = (address + length + PageMask) >> PageShift; vpn < end; vpn++)
        {
            var t = Table(vpn, true)!;
            int i = (int)(vpn & LevelMask);
            released.Add(ReleasePage(t, i, vpn), vpn);
            t.State[i] = Mapped;
            t.Prot[i] = (byte)prot;
        }
        released.Discard();
        _window?.Prepare(address, (address + length + PageMask) & ~PageMask);
    }

    public void Unmap(ulong address, ulong length)
    {
        CheckRange(address, length);
        var released = new WindowRun(_window);
        for (ulong vpn = address >> PageShift, end = (address + length + PageMask) >> PageShift; vpn < end; vpn++)
        {
            var t = Table(vpn, false);
            if (t == null) continue;
            int i = (int)(vpn & LevelMask);
            released.Add(ReleasePage(t, i, vpn), vpn);
            t.State[i] = 0;
            t.Prot[i] = 0;
        }
        released.Discard();
    }

    /// <summary>
    /// Consecutive window pages whose storage was released, zeroed and handed back in one call
    /// (one madvise for a whole munmap rather than one per page).
    /// </summary>
    private struct WindowRun(HostWindow? window)
    {
        private ulong _first, _end;

        public void Add(bool released, ulong vpn)
        {
            if (!released) return;
            if (vpn != _end) Discard();
            if (_first == _end) _first = vpn;
            _end = vpn + 1;
        }

        public void Discard()
        {
            if (_end > _first) window!.Discard(_first << PageShift, (_end - _first) << PageShift);
            _first = _end = 0;
        }
    }

    public void Protect(ulong address, ulong length, Protection prot)
    {
        CheckRange(address, length);
        for (ulong vpn = address >> PageShift, end = (address + length + PageMask) >> PageShift; vpn < end; vpn++)
        {
            var t = Table(vpn, false);
            if (t == null) continue;
            int i = (int)(vpn & LevelMask);
            if ((t.State[i] & Mapped) == 0) continue;
            DropCode(t, i, vpn);
            t.Prot[i] = (byte)prot;
            FlushTlbPage(vpn);
        }
    }

    /// <summary>Unmaps one page's storage; true if it was a window page with storage, which the caller must discard.</summary>
    private bool ReleasePage(PageTable t, int i, ulong vpn)
    {
        DropCode(t, i, vpn);
        FlushTlbPage(vpn);
        if (t.Data[i] == 0) return false;
        bool inWindow = InWindow(vpn);
        if (!inWindow) _pages.Free((byte*)t.Data[i]);
        t.Data[i] = 0;
        ResidentPages--;
        return inWindow;
    }

    private bool InWindow(ulong vpn) => _window != null && HostWindow.Holds(vpn << PageShift);

    /// <summary>Gives a page its storage on first write: its place in the window (zero already), or a fresh page.</summary>
    private void AssignStorage(PageTable t, int i, ulong vpn)
    {
        t.Data[i] = (nint)(InWindow(vpn) ? _window!.PageOf(vpn << PageShift) : _pages.Allocate());
        ResidentPages++;
    }

    private void DropCode(PageTable t, int i, ulong vpn)
    {
        if ((t.State[i] & HasCode) == 0) return;
        t.State[i] &= unchecked((byte)~HasCode);
        CodePageChanged?.Invoke(vpn);
    }

    private static void CheckRange(ulong address, ulong length)
    {
        if ((address & PageMask) != 0 || address >= AddressLimit || length > AddressLimit - address)
            throw new ArgumentOutOfRangeException(nameof(address), $"bad guest range 0x{address:x}+0x{length:x}");
    }

    public bool IsMapped(ulong address) => TryGetProtection(address, out _);

    public bool TryGetProtection(ulong address, out Protection prot)
    {
        prot = Protection.None;
        if (address >= AddressLimit) return false;
        ulong vpn = address >> PageShift;
        var t = Table(vpn, false);
        if (t == null) return false;
        int i = (int)(vpn & LevelMask);
        if ((t.State[i] & Mapped) == 0) return false;
        prot = (Protection)t.Prot[i];
        return true;
    }

    /// <summary>Marks a page as holding decoded code: from now on writes to it take the slow path.</summary>
    public void MarkCode(ulong vpn)
    {
        var t = Table(vpn, false);
        if (t == null) return;
        int i = (int)(vpn & LevelMask);
        t.State[i] |= HasCode;
        int w = (int)(vpn & TlbMask);
        if (_write[w] == vpn << PageShift) _write[w] = NoPage;
    }

    /// <summary>Enumerates mapped pages in ascending address order, with their contents or null for an untouched page.</summary>
    public IEnumerable<(ulong Vpn, Protection Prot, nint Data)> EnumeratePages()
    {
        for (int i1 = 0; i1 < LevelSize; i1++)
        {
            var mid = _root[i1];
            if (mid == null) continue;
            for (int i2 = 0; i2 < LevelSize; i2++)
            {
                var t = mid[i2];
                if (t == null) continue;
                for (int i3 = 0; i3 < LevelSize; i3++)
                {
                    if ((t.State[i3] & Mapped) == 0) continue;
                    ulong vpn = ((ulong)(uint)i1 << (2 * LevelBits)) | ((ulong)(uint)i2 << LevelBits) | (uint)i3;
                    yield return (vpn, (Protection)t.Prot[i3], t.Data[i3]);
                }
            }
        }
    }

    // ---- Translation (slow paths) ----

    /// <summary>Host pointer to the page holding <paramref name="address"/> for reading, or a fault.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte* TranslateRead(ulong address, Protection need = Protection.Read)
    {
        ulong vpn = address >> PageShift;
        PageTable? t = address < AddressLimit ? Table(vpn, false) : null;
        int i = (int)(vpn & LevelMask);
        if (t == null || (t.State[i] & Mapped) == 0) throw GuestFault.Segv(address, false);
        if (((Protection)t.Prot[i] & need) != need) throw GuestFault.Segv(address, true);
        if (!InWindow(vpn)) return t.Data[i] != 0 ? (byte*)t.Data[i] : _zeroPage;
        if (need == Protection.Read) _read[(int)(vpn & TlbMask)] = vpn << PageShift;
        return _window!.PageOf(vpn << PageShift);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private byte* TranslateWrite(ulong address)
    {
        ulong vpn = address >> PageShift;
        PageTable? t = address < AddressLimit ? Table(vpn, false) : null;
        int i = (int)(vpn & LevelMask);
        if (t == null || (t.State[i] & Mapped) == 0) throw GuestFault.Segv(address, false);
        if (((Protection)t.Prot[i] & Protection.Write) == 0) throw GuestFault.Segv(address, true);
        if (t.Data[i] == 0) AssignStorage(t, i, vpn);
        // A write to a page with decoded code invalidates that code; the page then takes fast writes until decoded again.
        DropCode(t, i, vpn);
        // Only pages that are readable too go in the write TLB: compiled read-modify-write ops read
        // through it (JitEmitMemory.cs). A write-only page takes this path for every write.
        if (((Protection)t.Prot[i] & Protection.Read) != 0 && InWindow(vpn)) _write[(int)(vpn & TlbMask)] = vpn << PageShift;
        return (byte*)t.Data[i];
    }

    /// <summary>Host pointer for instruction fetch (needs execute permission); does not fill the TLB.</summary>
    internal byte* TranslateExec(ulong address) => TranslateRead(address, Protection.Exec);

    // ---- Scalar access ----

    /// <summary>A tag no page address equals (its low bits are set).</summary>
    private const ulong NoPage = ulong.MaxValue;

    /// <summary>
    /// The hit path is one compare: the page of the access's last byte must be the page in the
    /// entry of its first byte. An access that crosses into the next page looks for that page in
    /// the slot of the first one, where it cannot be (consecutive pages have different slots), so
    /// it misses too; NoPage matches nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* ReadPtr(ulong address, int size)
    {
        int k = (int)((address >> PageShift) & TlbMask);
        if (_read[k] == ((address + (ulong)(size - 1)) & ~PageMask)) return _windowBase + (uint)address;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* WritePtr(ulong address, int size)
    {
        int k = (int)((address >> PageShift) & TlbMask);
        if (_write[k] == ((address + (ulong)(size - 1)) & ~PageMask)) return _windowBase + (uint)address;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Read8(ulong a)
    {
        byte* p = ReadPtr(a, 1);
        return p != null ? *p : *(TranslateRead(a) + (a & PageMask));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ushort Read16(ulong a)
    {
        byte* p = ReadPtr(a, 2);
        return p != null ? Unsafe.ReadUnaligned<ushort>(p) : (ushort)ReadSlow(a, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Read32(ulong a)
    {
        byte* p = ReadPtr(a, 4);
        return p != null ? Unsafe.ReadUnaligned<uint>(p) : (uint)ReadSlow(a, 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Read64(ulong a)
    {
        byte* p = ReadPtr(a, 8);
        return p != null ? Unsafe.ReadUnaligned<ulong>(p) : ReadSlow(a, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Read(ulong a, int size) => size switch
    {
        1 => Read8(a),
        2 => Read16(a),
        4 => Read32(a),
        _ => Read64(a),
    };

    // ---- The TLB as generated code reaches it ----

    /// <summary>
    /// Host address of guest address 0 in the window: a TLB hit's data is at this plus the guest
    /// address's low 32 bits, and the TLBs (<see cref="TlbSize"/> page tags of
    /// <see cref="TlbEntryBytes"/> bytes each) are at <see cref="ReadTlbOffset"/> and <see cref="WriteTlbOffset"/> from it.
    /// </summary>
    internal nint WindowBase => (nint)_windowBase;

    internal const int TlbEntryBytes = sizeof(ulong);

    /// <summary>What compiled code calls when its inline TLB probe misses: translate (or fault), fill the TLB, read.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public ulong ReadMiss(ulong a, int size) => ReadSlow(a, size);

    /// <summary>A missed inline write probe: translate (or fault), fill the TLB, write.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void WriteMiss(ulong a, ulong v, int size) => WriteSlow(a, v, size);

    /// <summary>A TLB miss or a page-crossing read of 1, 2, 4 or 8 bytes: one translation per page touched.</summary>
    private ulong ReadSlow(ulong a, int size)
    {
        if ((a & PageMask) <= PageSize - (ulong)size)
        {
            byte* p = TranslateRead(a) + (a & PageMask);
            return size switch
            {
                1 => *p,
                2 => Unsafe.ReadUnaligned<ushort>(p),
                4 => Unsafe.ReadUnaligned<uint>(p),
                _ => Unsafe.ReadUnaligned<ulong>(p),
            };
        }
        // The low page first, so that a fault reports the lowest unreadable byte.
        ulong next = (a | PageMask) + 1;
        byte* lo = TranslateRead(a);
        byte* hi = TranslateRead(next);
        ulong v = 0;
        for (int i = 0; i < size; i++)
        {
            ulong b = a + (ulong)i;
            v |= (ulong)(b < next ? lo : hi)[b & PageMask] << (8 * i);
        }
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write8(ulong a, byte v)
    {
        byte* p = WritePtr(a, 1);
        if (p != null) *p = v;
        else WriteSlow(a, v, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write16(ulong a, ushort v)
    {
        byte* p = WritePtr(a, 2);
        if (p != null) Unsafe.WriteUnaligned(p, v);
        else WriteSlow(a, v, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write32(ulong a, uint v)
    {
        byte* p = WritePtr(a, 4);
        if (p != null) Unsafe.WriteUnaligned(p, v);
        else WriteSlow(a, v, 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write64(ulong a, ulong v)
    {
        byte* p = WritePtr(a, 8);
        if (p != null) Unsafe.WriteUnaligned(p, v);
        else WriteSlow(a, v, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ulong a, ulong v, int size)
    {
        switch (size)
        {
            case 1: Write8(a, (byte)v); break;
            case 2: Write16(a, (ushort)v); break;
            case 4: Write32(a, (uint)v); break;
            default: Write64(a, v); break;
        }
    }

    /// <summary>A TLB miss or a page-crossing write: one translation per page touched.</summary>
    private void WriteSlow(ulong a, ulong v, int size)
    {
        if ((a & PageMask) <= PageSize - (ulong)size)
        {
            byte* p = TranslateWrite(a) + (a & PageMask);
            switch (size)
            {
                case 1: *p = (byte)v; break;
                case 2: Unsafe.WriteUnaligned(p, (ushort)v); break;
                case 4: Unsafe.WriteUnaligned(p, (uint)v); break;
                default: Unsafe.WriteUnaligned(p, v); break;
            }
            return;
        }
        // Both pages are checked before any byte is written, so that a faulting write changes nothing.
        ulong next = (a | PageMask) + 1;
        byte* lo = TranslateWrite(a);
        byte* hi = TranslateWrite(next);
        for (int i = 0; i < size; i++)
        {
            ulong b = a + (ulong)i;
            (b < next ? lo : hi)[b & PageMask] = (byte)(v >> (8 * i));
        }
    }

    /// <summary>Reads 16 bytes (an XMM operand).</summary>
    public void Read128(ulong a, out ulong lo, out ulong hi)
    {
        byte* p = ReadPtr(a, 16);
        if (p != null)
        {
            lo = Unsafe.ReadUnaligned<ulong>(p);
            hi = Unsafe.ReadUnaligned<ulong>(p + 8);
            return;
        }
        lo = Read64(a);
        hi = Read64(a + 8);
    }

    public void Write128(ulong a, ulong lo, ulong hi)
    {
        byte* p = WritePtr(a, 16);
        if (p != null)
        {
            Unsafe.WriteUnaligned(p, lo);
            Unsafe.WriteUnaligned(p + 8, hi);
            return;
        }
        // Probe both halves before writing so that a fault leaves memory untouched.
        TranslateWrite(a);
        TranslateWrite(a + 15);
        Write64(a, lo);
        Write64(a + 8, hi);
    }

    // ---- Bulk access (used by the OS layer; faults are reported, not thrown) ----

    /// <summary>Copies guest memory into <paramref name="dest"/>; false if any byte is not readable.</summary>
    public bool TryRead(ulong address, Span<byte> dest)
    {
        try
        {
            int done = 0;
            while (done < dest.Length)
            {
                ulong a = address + (ulong)done;
                byte* page = TranslateRead(a);
                int off = (int)(a & PageMask);
                int n = Math.Min(dest.Length - done, (int)PageSize - off);
                new ReadOnlySpan<byte>(page + off, n).CopyTo(dest.Slice(done, n));
                done += n;
            }
            return true;
        }
        catch (GuestFault)
        {
            return false;
        }
    }

    /// <summary>Copies <paramref name="src"/> into guest memory; false (and nothing written) if any byte is not writable.</summary>
    public bool TryWrite(ulong address, ReadOnlySpan<byte> src)
    {
        if (!IsWritable(address, (ulong)src.Length)) return false;
        int done = 0;
        while (done < src.Length)
        {
            ulong a = address + (ulong)done;
            byte* page = TranslateWrite(a);
            int off = (int)(a & PageMask);
            int n = Math.Min(src.Length - done, (int)PageSize - off);
            src.Slice(done, n).CopyTo(new Span<byte>(page + off, n));
            done += n;
        }
        return true;
    }

    /// <summary>Writes bytes ignoring page protection (the loader filling read-only segments).</summary>
    public void WriteInitial(ulong address, ReadOnlySpan<byte> src)
    {
        int done = 0;
        while (done < src.Length)
        {
            ulong a = address + (ulong)done;
            ulong vpn = a >> PageShift;
            var t = Table(vpn, false) ?? throw GuestFault.Segv(a, false);
            int i = (int)(vpn & LevelMask);
            if ((t.State[i] & Mapped) == 0) throw GuestFault.Segv(a, false);
            if (t.Data[i] == 0) AssignStorage(t, i, vpn);
            DropCode(t, i, vpn);
            int off = (int)(a & PageMask);
            int n = Math.Min(src.Length - done, (int)PageSize - off);
            src.Slice(done, n).CopyTo(new Span<byte>((byte*)t.Data[i] + off, n));
            done += n;
        }
    }

    public bool IsWritable(ulong address, ulong length) => HasAccess(address, length, Protection.Write);

    public bool IsReadable(ulong address, ulong length) => HasAccess(address, length, Protection.Read);

    private bool HasAccess(ulong address, ulong length, Protection need)
    {
        if (length == 0) return true;
        if (address >= AddressLimit || length > AddressLimit - address) return false;
        for (ulong vpn = address >> PageShift, end = (address + length - 1) >> PageShift; vpn <= end; vpn++)
        {
            if (!TryGetProtection(vpn << PageShift, out var prot) || (prot & need) != need) return false;
        }
        return true;
    }

    /// <summary>Reads a NUL-terminated string of at most <paramref name="max"/> bytes; null if unreadable or too long.</summary>
    public byte[]? ReadCString(ulong address, int max = 4096)
    {
        var bytes = new List<byte>();
        try
        {
            for (int i = 0; i < max; i++)
            {
                byte b = Read8(address + (ulong)i);
                if (b == 0) return bytes.ToArray();
                bytes.Add(b);
            }
        }
        catch (GuestFault)
        {
        }
        return null;
    }

    public bool TryReadU64(ulong address, out ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        bool ok = TryRead(address, b);
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(b) : 0;
        return ok;
    }

    public bool TryWriteU64(ulong address, ulong value)
    {
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(b, value);
        return TryWrite(address, b);
    }

    public void Dispose()
    {
        _pages.Dispose();
        _window?.Dispose();
        if (_tlbsWithoutWindow != null) NativeMemory.AlignedFree(_tlbsWithoutWindow);
        NativeMemory.AlignedFree(_zeroPage);
    }
}
