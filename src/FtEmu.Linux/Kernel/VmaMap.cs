namespace FtEmu.Linux;

/// <summary>
/// The mappings of an <see cref="AddressSpace"/> keyed and ordered by start address: a sorted list
/// searched by bisection. It replaces a SortedDictionary&lt;ulong, Vma&gt;, whose framework code over
/// our types ReadyToRun cannot precompile (about 80 methods JIT-compiled at every start); List over a
/// reference type is precompiled. Inserting shifts the list, which is cheap for the mapping counts
/// guests have, and every operation on the address space scans the mappings anyway.
/// </summary>
internal sealed class VmaMap
{
    private readonly List<AddressSpace.Vma> _items = new();

    public VmaMap() => Values = _items.AsReadOnly();

    /// <summary>The mappings in ascending start order (a live view).</summary>
    public IReadOnlyList<AddressSpace.Vma> Values { get; }

    public int Count => _items.Count;

    public AddressSpace.Vma this[int index] => _items[index];

    /// <summary>Adds <paramref name="vma"/>, replacing the mapping with the same start if there is one.</summary>
    public void Set(AddressSpace.Vma vma)
    {
        int i = LowerBound(vma.Start);
        if (i < _items.Count && _items[i].Start == vma.Start) _items[i] = vma;
        else _items.Insert(i, vma);
    }

    /// <summary>Removes the mapping that starts at <paramref name="start"/>, if any.</summary>
    public bool Remove(ulong start)
    {
        int i = LowerBound(start);
        if (i == _items.Count || _items[i].Start != start) return false;
        _items.RemoveAt(i);
        return true;
    }

    public void Clear() => _items.Clear();

    /// <summary>The index of the first mapping that starts at or above <paramref name="start"/>.</summary>
    private int LowerBound(ulong start)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
