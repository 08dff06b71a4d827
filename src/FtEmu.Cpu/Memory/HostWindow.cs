using System.Runtime.InteropServices;

namespace FtEmu.Cpu;

/// <summary>
/// 4 GiB of reserved host address space that holds guest pages at fixed places: the page at guest
/// address g lives at <see cref="Base"/> + (uint)g. Generated code and the interpreter's fast path
/// then form the host address of an access from the guest address alone, with no table load on the
/// way to the data (the TLB only says whether the access is allowed).
/// </summary>
/// <remarks>
/// Only guest addresses in the lowest and the highest 2 GiB of the 47-bit space fold into the
/// window, and they fold without overlapping: the low half holds the program and its heap, the
/// high half the mmap area and the stack (see FtEmu.Linux's address-space layout). Pages anywhere
/// else get storage of their own and are reached through the slow path.
///
/// The host memory is zero until written and is given back by <see cref="Discard"/>; its contents
/// are reached only through guest-page bookkeeping, never by host protection, so the window is
/// one read-write mapping for its whole life.
///
/// The reservation begins with <see cref="PrefixBytes"/> bytes of ordinary memory below the window
/// (GuestMemory's TLBs), so that compiled code reaches the TLBs and the pages from one base register.
/// </remarks>
internal sealed unsafe partial class HostWindow : IDisposable
{
    public const ulong Size = 1UL << 32;
    /// <summary>The guest pages the window holds: [0, LowEnd) and [HighStart, the address limit).</summary>
    public const ulong LowEnd = Size / 2, HighStart = GuestMemory.AddressLimit - Size / 2;

    public byte* Base { get; private set; }

    /// <summary>The bytes below <see cref="Base"/> that belong to the reservation.</summary>
    public ulong PrefixBytes { get; }

    private HostWindow(byte* baseAddress, ulong prefixBytes)
    {
        Base = baseAddress;
        PrefixBytes = prefixBytes;
    }

    /// <summary>Whether the guest page at <paramref name="pageAddress"/> lives in the window.</summary>
    public static bool Holds(ulong pageAddress) =>
        pageAddress < LowEnd || (pageAddress >= HighStart && pageAddress < GuestMemory.AddressLimit);

    public byte* PageOf(ulong pageAddress) => Base + (uint)pageAddress;

    /// <summary>
    /// A window with <paramref name="prefixBytes"/> (a multiple of the page size) of zeroed memory
    /// below it, or null where the host cannot reserve one (the guest then runs on per-page storage alone).
    /// </summary>
    public static HostWindow? TryReserve(ulong prefixBytes)
    {
        try
        {
            void* p = OperatingSystem.IsWindows() ? Windows.Reserve(prefixBytes + Size) : Posix.Reserve(prefixBytes + Size);
            if (p == null) return null;
            if (OperatingSystem.IsWindows()) Windows.Commit((byte*)p, prefixBytes);
            return new HostWindow((byte*)p + prefixBytes, prefixBytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Makes the window's part of guest pages [start, end) usable; they read as zero (they were
    /// discarded, or never touched). Pages outside the window are left alone.
    /// </summary>
    public void Prepare(ulong start, ulong end)
    {
        if (!OperatingSystem.IsWindows()) return;
        if (start < LowEnd) Windows.Commit(PageOf(start), Math.Min(end, LowEnd) - start);
        if (end > HighStart) Windows.Commit(PageOf(Math.Max(start, HighStart)), end - Math.Max(start, HighStart));
    }

    /// <summary>Zeroes guest pages [address, address + length) and hands their host memory back.</summary>
    public void Discard(ulong address, ulong length)
    {
        byte* p = PageOf(address);
        if (OperatingSystem.IsWindows()) Windows.Decommit(p, length);
        else if (!OperatingSystem.IsLinux() || !Posix.DontNeed(p, length)) NativeMemory.Clear(p, (nuint)length);
    }

    public void Dispose()
    {
        if (Base == null) return;
        if (OperatingSystem.IsWindows()) Windows.Release(Base - PrefixBytes);
        else Posix.Unmap(Base - PrefixBytes, PrefixBytes + Size);
        Base = null;
    }

    private static partial class Posix
    {
        private const int ProtReadWrite = 3;
        private const int MapPrivate = 2;

        [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
        private static partial nint Mmap(nint address, nuint length, int prot, int flags, int fd, nint offset);

        [LibraryImport("libc", EntryPoint = "munmap")]
        private static partial int Munmap(nint address, nuint length);

        [LibraryImport("libc", EntryPoint = "madvise")]
        private static partial int Madvise(nint address, nuint length, int advice);

        /// <summary>Anonymous private memory the kernel backs on first touch; NORESERVE so that it counts against no commit limit.</summary>
        public static void* Reserve(ulong size)
        {
            int flags = OperatingSystem.IsLinux() ? MapPrivate | 0x20 | 0x4000 // MAP_ANONYMOUS | MAP_NORESERVE
                : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? MapPrivate | 0x1000 // MAP_ANON
                : throw new PlatformNotSupportedException();
            nint p = Mmap(0, (nuint)size, ProtReadWrite, flags, -1, 0);
            return p == -1 ? null : (void*)p;
        }

        /// <summary>MADV_DONTNEED: on Linux, private anonymous pages read as zero afterwards.</summary>
        public static bool DontNeed(byte* p, ulong length) => Madvise((nint)p, (nuint)length, 4) == 0;

        public static void Unmap(byte* p, ulong size) => Munmap((nint)p, (nuint)size);
    }

    private static partial class Windows
    {
        private const uint MemCommit = 0x1000, MemReserve = 0x2000, MemDecommit = 0x4000, MemRelease = 0x8000;
        private const uint PageNoAccess = 0x01, PageReadWrite = 0x04;

        [LibraryImport("kernel32", SetLastError = true)]
        private static partial nint VirtualAlloc(nint address, nuint size, uint type, uint protect);

        [LibraryImport("kernel32", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static partial bool VirtualFree(nint address, nuint size, uint type);

        public static void* Reserve(ulong size) => (void*)VirtualAlloc(0, (nuint)size, MemReserve, PageNoAccess);

        public static void Commit(byte* p, ulong length)
        {
            if (VirtualAlloc((nint)p, (nuint)length, MemCommit, PageReadWrite) == 0) throw new OutOfMemoryException("cannot commit guest memory");
        }

        public static void Decommit(byte* p, ulong length) => VirtualFree((nint)p, (nuint)length, MemDecommit);

        public static void Release(byte* p) => VirtualFree((nint)p, 0, MemRelease);
    }
}
