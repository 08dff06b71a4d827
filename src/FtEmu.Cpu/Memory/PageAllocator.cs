using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>
/// Storage for guest pages, cut from 1 MiB slabs. Allocating each 4 KiB page on its own with
/// 4 KiB alignment cost the C allocator about as much again in padding, doubling the resident size
/// of a guest's memory. Pages of a slab that were never handed out stay untouched (and, for an
/// mmap-backed slab, not resident); freed pages are kept and reused.
/// </summary>
internal sealed unsafe class PageAllocator : IDisposable
{
    private const int PagesPerSlab = 256;

    private readonly List<nint> _slabs = new();
    private readonly Stack<nint> _free = new();
    private byte* _next;
    private int _left;

    /// <summary>A zeroed, page-aligned page.</summary>
    public byte* Allocate()
    {
        byte* page;
        if (_free.TryPop(out nint reused))
        {
            page = (byte*)reused;
        }
        else
        {
            if (_left == 0)
            {
                _next = (byte*)NativeMemory.AlignedAlloc(PagesPerSlab * (nuint)GuestMemory.PageSize, (nuint)GuestMemory.PageSize);
                _slabs.Add((nint)_next);
                _left = PagesPerSlab;
            }
            page = _next;
            _next += GuestMemory.PageSize;
            _left--;
        }
        // A slab is not necessarily fresh from the kernel, and a reused page holds old contents.
        NativeMemory.Clear(page, (nuint)GuestMemory.PageSize);
        return page;
    }

    public void Free(byte* page) => _free.Push((nint)page);

    public void Dispose()
    {
        foreach (nint slab in _slabs) NativeMemory.AlignedFree((void*)slab);
        _slabs.Clear();
        _free.Clear();
        _left = 0;
    }
}
