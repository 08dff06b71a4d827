using FtEmu.Cpu;

namespace FtEmu.Linux;

/// <summary>
/// The process's mappings (what /proc/self/maps would list) and the placement policy for new ones:
/// mmap without a hint goes top-down below <see cref="MmapBase"/>, the heap grows from the end of the
/// program image. Placement depends only on earlier guest requests, never on the host.
/// </summary>
public sealed class AddressSpace
{
    public const ulong MmapBase = 0x7ffff7fff000;
    private const ulong MinAddress = 0x10000;
    private const ulong PageMask = GuestMemory.PageMask;

    /// <summary>Mapped ranges by start address; no two overlap.</summary>
    private readonly VmaMap _vmas = new();

    public AddressSpace(GuestMemory memory) => Memory = memory;

    public GuestMemory Memory { get; }
    public ulong BrkStart { get; private set; }
    public ulong Brk { get; private set; }

    public sealed record Vma(ulong Start, ulong End, Protection Prot, string Name);

    public IEnumerable<Vma> Mappings => _vmas.Values;

    public void SetBrkStart(ulong start)
    {
        BrkStart = Brk = start;
    }

    public static ulong PageAlign(ulong v) => (v + PageMask) & ~PageMask;

    /// <summary>Maps a fixed range, replacing anything there.</summary>
    public void MapFixed(ulong start, ulong length, Protection prot, string name)
    {
        length = PageAlign(length);
        Remove(start, length);
        Memory.Map(start, length, prot);
        _vmas.Set(new Vma(start, start + length, prot, name));
    }

    /// <summary>Replaces the bookkeeping with a snapshot's; the pages themselves are restored in memory separately.</summary>
    public void RestoreState(ulong brkStart, ulong brk, IEnumerable<Vma> vmas)
    {
        BrkStart = brkStart;
        Brk = brk;
        _vmas.Clear();
        foreach (var v in vmas) _vmas.Set(v);
    }

    /// <summary>Records a range the loader mapped directly into memory.</summary>
    public void Track(ulong start, ulong end, string name)
    {
        if (!TryGetProtection(start, out var prot)) prot = Protection.None;
        Remove(start, end - start);
        _vmas.Set(new Vma(start, end, prot, name));
    }

    private bool TryGetProtection(ulong address, out Protection prot) => Memory.TryGetProtection(address, out prot);

    public void Unmap(ulong start, ulong length)
    {
        length = PageAlign(length);
        Remove(start, length);
        Memory.Unmap(start, length);
    }

    public void Protect(ulong start, ulong length, Protection prot)
    {
        length = PageAlign(length);
        ulong end = start + length;
        foreach (var v in Overlapping(start, end))
        {
            Split(v, start, end, out var inside);
            if (inside != null) _vmas.Set(inside with { Prot = prot });
        }
        Memory.Protect(start, length, prot);
    }

    /// <summary>True if every page of the range is mapped.</summary>
    public bool IsFullyMapped(ulong start, ulong length)
    {
        ulong end = start + PageAlign(length), at = start;
        for (int i = 0; i < _vmas.Count; i++)
        {
            var v = _vmas[i];
            if (v.End <= at) continue;
            if (v.Start > at) return false;
            at = v.End;
            if (at >= end) return true;
        }
        return at >= end;
    }

    /// <summary>Finds a free range of <paramref name="length"/> bytes, top-down below the mmap base; 0 if none.</summary>
    public ulong FindFree(ulong length, ulong hint = 0)
    {
        length = PageAlign(length);
        if (hint != 0 && (hint & PageMask) == 0 && hint >= MinAddress && hint + length <= MmapBase && IsFree(hint, length)) return hint;
        ulong top = MmapBase;
        for (int i = _vmas.Count - 1; i >= 0; i--)
        {
            var v = _vmas[i];
            if (v.Start >= top) continue;
            if (v.End <= top && top - v.End >= length) return top - length;
            top = Math.Min(top, v.Start);
        }
        return top - length >= Math.Max(MinAddress, Brk + (64UL << 20)) ? top - length : 0;
    }

    public bool IsFree(ulong start, ulong length)
    {
        ulong end = start + PageAlign(length);
        for (int i = 0; i < _vmas.Count; i++)
            if (Intersects(_vmas[i], start, end)) return false;
        return true;
    }

    private static bool Intersects(Vma v, ulong start, ulong end) => v.Start < end && v.End > start;

    /// <summary>The mappings that intersect [start, end), in order; a copy, as callers change the map.</summary>
    private List<Vma> Overlapping(ulong start, ulong end)
    {
        var found = new List<Vma>();
        for (int i = 0; i < _vmas.Count; i++)
            if (Intersects(_vmas[i], start, end)) found.Add(_vmas[i]);
        return found;
    }

    private void Remove(ulong start, ulong length)
    {
        ulong end = start + length;
        foreach (var v in Overlapping(start, end))
        {
            Split(v, start, end, out var inside);
            if (inside != null) _vmas.Remove(inside.Start);
        }
    }

    /// <summary>Splits <paramref name="v"/> at the range bounds, keeping the outside parts; returns the inside part.</summary>
    private void Split(Vma v, ulong start, ulong end, out Vma? inside)
    {
        _vmas.Remove(v.Start);
        if (v.Start < start) _vmas.Set(v with { End = start });
        if (v.End > end) _vmas.Set(v with { Start = end });
        ulong s = Math.Max(v.Start, start), e = Math.Min(v.End, end);
        inside = s < e ? v with { Start = s, End = e } : null;
        if (inside != null) _vmas.Set(inside);
    }

    /// <summary>Moves the program break as brk(2) does; returns the new break (unchanged on failure).</summary>
    public ulong SetBrk(ulong requested)
    {
        if (requested < BrkStart) return Brk;
        ulong oldTop = PageAlign(Brk), newTop = PageAlign(requested);
        if (newTop > oldTop)
        {
            if (!IsFree(oldTop, newTop - oldTop)) return Brk;
            MapFixed(oldTop, newTop - oldTop, Protection.ReadWrite, "[heap]");
        }
        else if (newTop < oldTop)
        {
            Unmap(newTop, oldTop - newTop);
        }
        Brk = requested;
        return Brk;
    }
}
