using FtEmu.Cpu;
using static FtEmu.Linux.LinuxConstants;

namespace FtEmu.Linux;

/// <summary>brk, mmap, munmap, mprotect, mremap, madvise.</summary>
public static partial class Sys
{
    private const ulong PageMask = GuestMemory.PageMask;

    public static long Brk(LinuxProcess p, in SyscallArgs a) => (long)p.AddressSpace.SetBrk(a.A0);

    private static Protection ToProtection(ulong prot)
    {
        var r = Protection.None;
        if ((prot & PROT_READ) != 0) r |= Protection.Read;
        if ((prot & PROT_WRITE) != 0) r |= Protection.Write | Protection.Read;
        if ((prot & PROT_EXEC) != 0) r |= Protection.Exec | Protection.Read;
        return r;
    }

    public static long Mmap(LinuxProcess p, in SyscallArgs a)
    {
        ulong addr = a.A0, length = a.A1;
        int flags = (int)a.A3, fd = (int)a.A4;
        long offset = (long)a.A5;
        if (length == 0 || (addr & PageMask) != 0 || (offset & (long)PageMask) != 0) return -Errno.EINVAL;
        if ((flags & (MAP_SHARED | MAP_PRIVATE)) == 0) return -Errno.EINVAL;
        ulong len = AddressSpace.PageAlign(length);
        if (len == 0 || len >= GuestMemory.AddressLimit) return -Errno.ENOMEM;

        OpenFile? file = null;
        if ((flags & MAP_ANONYMOUS) == 0)
        {
            file = p.Files.Get(fd);
            if (file == null) return -Errno.EBADF;
            if (!file.CanRead) return -Errno.EACCES;
            if ((flags & MAP_SHARED) != 0 && (a.A2 & PROT_WRITE) != 0)
                return -Errno.ENODEV; // writable shared file mappings would need write-back to the host
        }

        ulong at;
        bool fixedMap = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) != 0;
        if (fixedMap)
        {
            if (addr + len > GuestMemory.AddressLimit || addr < 0x1000) return -Errno.EPERM;
            if ((flags & MAP_FIXED_NOREPLACE) != 0 && !p.AddressSpace.IsFree(addr, len)) return -Errno.EEXIST;
            at = addr;
        }
        else
        {
            at = p.AddressSpace.FindFree(len, addr);
            if (at == 0) return -Errno.ENOMEM;
        }

        var prot = ToProtection(a.A2);
        p.AddressSpace.MapFixed(at, len, prot, file?.GuestPath ?? "");
        if (file != null)
        {
            // A private file mapping is a copy of the file's bytes at map time; past EOF reads as zeros.
            var data = new byte[len];
            long n = file.Read(p, data, offset);
            if (n < 0)
            {
                p.AddressSpace.Unmap(at, len);
                return n;
            }
            p.Memory.WriteInitial(at, data.AsSpan(0, (int)n));
        }
        return (long)at;
    }

    public static long Munmap(LinuxProcess p, in SyscallArgs a)
    {
        if ((a.A0 & PageMask) != 0 || a.A1 == 0 || a.A0 + a.A1 > GuestMemory.AddressLimit) return -Errno.EINVAL;
        p.AddressSpace.Unmap(a.A0, a.A1);
        return 0;
    }

    public static long Mprotect(LinuxProcess p, in SyscallArgs a)
    {
        if ((a.A0 & PageMask) != 0) return -Errno.EINVAL;
        if (a.A1 == 0) return 0;
        if (!p.AddressSpace.IsFullyMapped(a.A0, a.A1)) return -Errno.ENOMEM;
        p.AddressSpace.Protect(a.A0, a.A1, ToProtection(a.A2));
        return 0;
    }

    public static long Mremap(LinuxProcess p, in SyscallArgs a)
    {
        ulong old = a.A0, oldLen = AddressSpace.PageAlign(a.A1), newLen = AddressSpace.PageAlign(a.A2);
        int flags = (int)a.A3;
        if ((old & PageMask) != 0 || newLen == 0 || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)) != 0) return -Errno.EINVAL;
        if ((flags & MREMAP_FIXED) != 0) return -Errno.EINVAL;
        if (!p.Memory.TryGetProtection(old, out var prot) || !p.AddressSpace.IsFullyMapped(old, oldLen)) return -Errno.EFAULT;
        if (newLen <= oldLen)
        {
            if (newLen < oldLen) p.AddressSpace.Unmap(old + newLen, oldLen - newLen);
            return (long)old;
        }
        if (p.AddressSpace.IsFree(old + oldLen, newLen - oldLen) && old + newLen <= AddressSpace.MmapBase)
        {
            p.AddressSpace.MapFixed(old + oldLen, newLen - oldLen, prot, "");
            return (long)old;
        }
        if ((flags & MREMAP_MAYMOVE) == 0) return -Errno.ENOMEM;
        ulong at = p.AddressSpace.FindFree(newLen);
        if (at == 0) return -Errno.ENOMEM;
        var data = new byte[oldLen];
        // Copy what is readable; the old range may have been mprotect'ed to PROT_NONE.
        p.Memory.Protect(old, oldLen, Protection.Read);
        p.Memory.TryRead(old, data);
        p.AddressSpace.MapFixed(at, newLen, prot, "");
        p.Memory.WriteInitial(at, data);
        p.AddressSpace.Unmap(old, oldLen);
        return (long)at;
    }

    public static long Madvise(LinuxProcess p, in SyscallArgs a)
    {
        const int MADV_DONTNEED = 4;
        if ((a.A0 & PageMask) != 0) return -Errno.EINVAL;
        if ((int)a.A2 == MADV_DONTNEED && a.A1 > 0)
        {
            // Private anonymous memory reads back as zeros after MADV_DONTNEED.
            ulong len = AddressSpace.PageAlign(a.A1);
            if (!p.AddressSpace.IsFullyMapped(a.A0, len)) return -Errno.ENOMEM;
            for (ulong page = a.A0; page < a.A0 + len; page += GuestMemory.PageSize)
            {
                p.Memory.TryGetProtection(page, out var prot);
                p.Memory.Map(page, GuestMemory.PageSize, prot);
            }
        }
        return 0;
    }
}
