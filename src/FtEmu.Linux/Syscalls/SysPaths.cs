using System.Text;

namespace FtEmu.Linux;

/// <summary>Calls that act on names: mkdir, rmdir, unlink, rename, link, symlink, readlink, access, chmod, chown, utimensat, truncate.</summary>
public static partial class Sys
{
    private const int AtFdcwd = LinuxConstants.AT_FDCWD;

    public static long Mkdir(LinuxProcess p, in SyscallArgs a) => MkdirAt(p, AtFdcwd, a.A0, (uint)a.A1);
    public static long Mkdirat(LinuxProcess p, in SyscallArgs a) => MkdirAt(p, (int)a.A0, a.A1, (uint)a.A2);

    private static long MkdirAt(LinuxProcess p, int dirfd, ulong pathAddress, uint mode)
    {
        long r = ResolveArg(p, dirfd, pathAddress, false, out var host, out _);
        return r < 0 ? r : p.Host.CreateDirectory(host.Length > 1 ? host.TrimEnd('/') : host, mode & 0x3ff & ~p.Umask);
    }

    public static long Rmdir(LinuxProcess p, in SyscallArgs a) => UnlinkAt(p, AtFdcwd, a.A0, LinuxConstants.AT_REMOVEDIR);
    public static long Unlink(LinuxProcess p, in SyscallArgs a) => UnlinkAt(p, AtFdcwd, a.A0, 0);
    public static long Unlinkat(LinuxProcess p, in SyscallArgs a) => UnlinkAt(p, (int)a.A0, a.A1, (int)a.A2);

    private static long UnlinkAt(LinuxProcess p, int dirfd, ulong pathAddress, int flags)
    {
        if ((flags & ~LinuxConstants.AT_REMOVEDIR) != 0) return -Errno.EINVAL;
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        bool dir = (flags & LinuxConstants.AT_REMOVEDIR) != 0;
        if (dir)
        {
            string last = path.TrimEnd('/');
            last = last[(last.LastIndexOf('/') + 1)..];
            if (last == ".") return -Errno.EINVAL;
            if (last == "..") return -Errno.ENOTEMPTY;
        }
        r = p.Paths.Resolve(dirfd, path, false, out var host);
        if (r < 0) return r;
        if (host.Length > 1) host = host.TrimEnd('/');
        if (!dir && path.EndsWith('/'))
            return p.Host.GetStatus(host, true, out var st) < 0 ? -Errno.ENOENT : (st.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR ? -Errno.EISDIR : -Errno.ENOTDIR;
        return dir ? p.Host.RemoveDirectory(host) : p.Host.Unlink(host);
    }

    public static long Rename(LinuxProcess p, in SyscallArgs a) => RenameAt(p, AtFdcwd, a.A0, AtFdcwd, a.A1, 0);
    public static long Renameat(LinuxProcess p, in SyscallArgs a) => RenameAt(p, (int)a.A0, a.A1, (int)a.A2, a.A3, 0);
    public static long Renameat2(LinuxProcess p, in SyscallArgs a) => RenameAt(p, (int)a.A0, a.A1, (int)a.A2, a.A3, (int)a.A4);

    private static long RenameAt(LinuxProcess p, int oldDir, ulong oldPath, int newDir, ulong newPath, int flags)
    {
        const int RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2, RENAME_WHITEOUT = 4;
        if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) != 0) return -Errno.EINVAL;
        if ((flags & RENAME_NOREPLACE) != 0 && (flags & RENAME_EXCHANGE) != 0) return -Errno.EINVAL;
        if ((flags & (RENAME_EXCHANGE | RENAME_WHITEOUT)) != 0) return -Errno.EINVAL;
        long r = ResolveArg(p, oldDir, oldPath, false, out var from, out _);
        if (r < 0) return r;
        r = ResolveArg(p, newDir, newPath, false, out var to, out _);
        if (r < 0) return r;
        if ((flags & RENAME_NOREPLACE) != 0 && p.Host.GetStatus(to, false, out _) == 0) return -Errno.EEXIST;
        return p.Host.Rename(from.Length > 1 ? from.TrimEnd('/') : from, to.Length > 1 ? to.TrimEnd('/') : to);
    }

    public static long Link(LinuxProcess p, in SyscallArgs a) => LinkAt(p, AtFdcwd, a.A0, AtFdcwd, a.A1, 0);
    public static long Linkat(LinuxProcess p, in SyscallArgs a) => LinkAt(p, (int)a.A0, a.A1, (int)a.A2, a.A3, (int)a.A4);

    private static long LinkAt(LinuxProcess p, int oldDir, ulong oldPath, int newDir, ulong newPath, int flags)
    {
        if ((flags & ~(LinuxConstants.AT_SYMLINK_FOLLOW | LinuxConstants.AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        long r = ResolveArg(p, oldDir, oldPath, (flags & LinuxConstants.AT_SYMLINK_FOLLOW) != 0, out var existing, out _);
        if (r < 0) return r;
        r = ResolveArg(p, newDir, newPath, false, out var path, out _);
        return r < 0 ? r : p.Host.CreateHardLink(existing, path);
    }

    public static long Symlink(LinuxProcess p, in SyscallArgs a) => SymlinkAt(p, a.A0, AtFdcwd, a.A1);
    public static long Symlinkat(LinuxProcess p, in SyscallArgs a) => SymlinkAt(p, a.A0, (int)a.A1, a.A2);

    private static long SymlinkAt(LinuxProcess p, ulong targetAddress, int dirfd, ulong pathAddress)
    {
        long r = ReadPath(p, targetAddress, out var target);
        if (r < 0) return r;
        if (target.Length == 0) return -Errno.ENOENT;
        r = ResolveArg(p, dirfd, pathAddress, false, out var path, out _);
        return r < 0 ? r : p.Host.CreateSymlink(target, path);
    }

    public static long Readlink(LinuxProcess p, in SyscallArgs a) => ReadlinkAt(p, AtFdcwd, a.A0, a.A1, (long)a.A2);
    public static long Readlinkat(LinuxProcess p, in SyscallArgs a) => ReadlinkAt(p, (int)a.A0, a.A1, a.A2, (long)a.A3);

    private static long ReadlinkAt(LinuxProcess p, int dirfd, ulong pathAddress, ulong buf, long size)
    {
        if ((int)size <= 0) return -Errno.EINVAL;
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        r = p.Paths.Absolute(dirfd, path, out var guest);
        if (r < 0) return r;
        string? target = ProcLink(p, guest);
        if (target == null)
        {
            r = p.Paths.Resolve(dirfd, path, false, out var host);
            if (r < 0) return r;
            r = p.Host.ReadLink(host, out target);
            if (r < 0) return r;
        }
        var bytes = Encoding.UTF8.GetBytes(target);
        int n = (int)Math.Min(bytes.Length, (int)size);
        return p.Memory.TryWrite(buf, bytes.AsSpan(0, n)) ? n : -Errno.EFAULT;
    }

    /// <summary>The magic links of /proc/self that the Linux layer answers itself.</summary>
    private static string? ProcLink(LinuxProcess p, string guest)
    {
        string? rest = guest.StartsWith("/proc/self/", StringComparison.Ordinal) ? guest[11..]
            : guest.StartsWith("/proc/thread-self/", StringComparison.Ordinal) ? guest[18..] : null;
        if (rest == null) return null;
        if (rest == "exe") return GuestPaths.Normalize(p.Options.WorkingDirectory, p.Options.ExecPath);
        if (rest == "cwd") return p.Cwd;
        if (rest == "root") return "/";
        if (rest.StartsWith("fd/", StringComparison.Ordinal) && int.TryParse(rest.AsSpan(3), out int fd) && p.Files.Get(fd) is { } f)
            return f.GuestPath;
        return null;
    }

    public static long Access(LinuxProcess p, in SyscallArgs a) => AccessAt(p, AtFdcwd, a.A0, (int)a.A1, 0);
    public static long Faccessat(LinuxProcess p, in SyscallArgs a) => AccessAt(p, (int)a.A0, a.A1, (int)a.A2, 0);
    public static long Faccessat2(LinuxProcess p, in SyscallArgs a) => AccessAt(p, (int)a.A0, a.A1, (int)a.A2, (int)a.A3);

    private static long AccessAt(LinuxProcess p, int dirfd, ulong pathAddress, int mode, int flags)
    {
        const int AT_EACCESS = 0x200;
        if ((mode & ~7) != 0) return -Errno.EINVAL;
        if ((flags & ~(AT_EACCESS | LinuxConstants.AT_SYMLINK_NOFOLLOW | LinuxConstants.AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        r = p.Paths.Absolute(dirfd, path, out var guest);
        if (r < 0) return r;
        if (DeviceFile.ForPath(guest) != null) return (mode & 1) != 0 ? -Errno.EACCES : 0;
        r = p.Paths.Resolve(dirfd, path, (flags & LinuxConstants.AT_SYMLINK_NOFOLLOW) == 0, out var host);
        return r < 0 ? r : p.Host.Access(host, mode);
    }

    public static long Chmod(LinuxProcess p, in SyscallArgs a) => ChmodAt(p, AtFdcwd, a.A0, (uint)a.A1);
    public static long Fchmodat(LinuxProcess p, in SyscallArgs a) => ChmodAt(p, (int)a.A0, a.A1, (uint)a.A2);

    private static long ChmodAt(LinuxProcess p, int dirfd, ulong pathAddress, uint mode)
    {
        long r = ResolveArg(p, dirfd, pathAddress, true, out var host, out _);
        return r < 0 ? r : p.Host.SetMode(host, mode & 0xfff);
    }

    public static long Fchmod(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        return f is HostFile h ? p.Host.SetMode(h.HostPath, (uint)a.A1 & 0xfff) : -Errno.EPERM;
    }

    public static long Chown(LinuxProcess p, in SyscallArgs a) => ChownAt(p, AtFdcwd, a.A0, (uint)a.A1, (uint)a.A2, 0);
    public static long Lchown(LinuxProcess p, in SyscallArgs a) => ChownAt(p, AtFdcwd, a.A0, (uint)a.A1, (uint)a.A2, LinuxConstants.AT_SYMLINK_NOFOLLOW);
    public static long Fchownat(LinuxProcess p, in SyscallArgs a) => ChownAt(p, (int)a.A0, a.A1, (uint)a.A2, (uint)a.A3, (int)a.A4);

    private static long ChownAt(LinuxProcess p, int dirfd, ulong pathAddress, uint uid, uint gid, int flags)
    {
        bool follow = (flags & LinuxConstants.AT_SYMLINK_NOFOLLOW) == 0;
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        if (path.Length == 0 && (flags & LinuxConstants.AT_EMPTY_PATH) != 0)
            return p.Files.Get(dirfd) is HostFile hf ? p.Host.SetOwner(hf.HostPath, uid, gid, true) : -Errno.EBADF;
        r = p.Paths.Resolve(dirfd, path, follow, out var host);
        return r < 0 ? r : p.Host.SetOwner(host, uid, gid, follow);
    }

    public static long Fchown(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        return f is HostFile h ? p.Host.SetOwner(h.HostPath, (uint)a.A1, (uint)a.A2, true) : -Errno.EPERM;
    }

    public static long Utimensat(LinuxProcess p, in SyscallArgs a)
    {
        const long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;
        int dirfd = (int)a.A0, flags = (int)a.A3;
        if ((flags & ~(LinuxConstants.AT_SYMLINK_NOFOLLOW | LinuxConstants.AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        Timespec? access, modify;
        var now = p.Host.GetTime(0);
        if (a.A2 == 0)
        {
            access = modify = now;
        }
        else
        {
            if (!p.Memory.TryReadU64(a.A2, out ulong s0) || !p.Memory.TryReadU64(a.A2 + 8, out ulong n0) ||
                !p.Memory.TryReadU64(a.A2 + 16, out ulong s1) || !p.Memory.TryReadU64(a.A2 + 24, out ulong n1))
                return -Errno.EFAULT;
            long r0 = TimeArg((long)s0, (long)n0, out access), r1 = TimeArg((long)s1, (long)n1, out modify);
            if (r0 < 0 || r1 < 0) return -Errno.EINVAL;
            if (access == null && modify == null && (long)n0 == UTIME_OMIT && (long)n1 == UTIME_OMIT) return 0;
        }

        long TimeArg(long sec, long nsec, out Timespec? t)
        {
            t = null;
            if (nsec == UTIME_OMIT) return 0;
            if (nsec == UTIME_NOW)
            {
                t = now;
                return 0;
            }
            if (nsec is < 0 or >= 1_000_000_000) return -Errno.EINVAL;
            t = new Timespec(sec, nsec);
            return 0;
        }

        string host;
        if (a.A1 == 0)
        {
            // futimens: the descriptor's file.
            if (p.Files.Get(dirfd) is not { } f) return -Errno.EBADF;
            if (f is not HostFile h) return 0;
            host = h.HostPath;
        }
        else
        {
            long r = ResolveArg(p, dirfd, a.A1, (flags & LinuxConstants.AT_SYMLINK_NOFOLLOW) == 0, out host, out var guest);
            if (r < 0) return r;
            if (DeviceFile.ForPath(guest) != null) return 0;
        }
        return p.Host.SetTimes(host, access, modify);
    }

    public static long Truncate(LinuxProcess p, in SyscallArgs a)
    {
        if ((long)a.A1 < 0) return -Errno.EINVAL;
        long r = ResolveArg(p, AtFdcwd, a.A0, true, out var host, out _);
        if (r < 0) return r;
        r = p.Host.GetStatus(host, true, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR) return -Errno.EISDIR;
        r = p.Host.Open(host, LinuxConstants.O_WRONLY, 0, out long handle);
        if (r < 0) return r;
        r = p.Host.SetLength(handle, (long)a.A1);
        p.Host.Close(handle);
        return r;
    }

    public static long Umask(LinuxProcess p, in SyscallArgs a)
    {
        uint old = p.Umask;
        p.Umask = (uint)a.A0 & 0x1ff;
        return old;
    }
}
