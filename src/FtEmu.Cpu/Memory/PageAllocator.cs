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

    // Arrays rather than List<nint>/Stack<nint>: ReadyToRun has no precompiled code for those
    // instantiations, and the free stack is on the page-allocation path from the first page on.
    private nint[] _slabs = new nint[8];
    private int _slabCount;
    private nint[] _free = new nint[64];
    private int _freeCount;
    private byte* _next;
    private int _left;

    /// <summary>A zeroed, page-aligned page.</summary>
    public byte* Allocate()
    {
        byte* page;
        if (_freeCount > 0)
        {
            page = (byte*)_free[--_freeCount];
        }
        else
        {
            if (_left == 0)
            {
                _next = (byte*)NativeMemory.AlignedAlloc(PagesPerSlab * (nuint)GuestMemory.PageSize, (nuint)GuestMemory.PageSize);
                if (_slabCount == _slabs.Length) _slabs = Grown(_slabs);
                _slabs[_slabCount++] = (nint)_next;
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

    public void Free(byte* page)
    {
        if (_freeCount == _free.Length) _free = Grown(_free);
        _free[_freeCount++] = (nint)page;
    }

    public void Dispose()
    {
        for (int i = 0; i < _slabCount; i++) NativeMemory.AlignedFree((void*)_slabs[i]);
        _slabCount = 0;
        _freeCount = 0;
        _left = 0;
    }

    private static nint[] Grown(nint[] items)
    {
        var bigger = new nint[items.Length * 2];
        Array.Copy(items, bigger, items.Length);
        return bigger;
    }
}
