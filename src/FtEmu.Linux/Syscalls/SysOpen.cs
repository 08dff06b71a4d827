namespace FtEmu.Linux;

/// <summary>open, openat, creat: host files through the boundary, plus the devices the Linux layer provides itself.</summary>
public static partial class Sys
{
    public static long Open(LinuxProcess p, in SyscallArgs a) => OpenAt(p, LinuxConstants.AT_FDCWD, a.A0, (int)a.A1, (uint)a.A2);

    public static long Openat(LinuxProcess p, in SyscallArgs a) => OpenAt(p, (int)a.A0, a.A1, (int)a.A2, (uint)a.A3);

    public static long Creat(LinuxProcess p, in SyscallArgs a) =>
        OpenAt(p, LinuxConstants.AT_FDCWD, a.A0, LinuxConstants.O_CREAT | LinuxConstants.O_WRONLY | LinuxConstants.O_TRUNC, (uint)a.A1);

    /// <summary>Flags that only matter while opening and are not kept in the open file description.</summary>
    private const int OpenOnlyFlags = LinuxConstants.O_CREAT | LinuxConstants.O_EXCL | LinuxConstants.O_NOCTTY | LinuxConstants.O_TRUNC | LinuxConstants.O_CLOEXEC;

    internal static long OpenAt(LinuxProcess p, int dirfd, ulong pathAddress, int flags, uint mode)
    {
        long r = ReadPath(p, pathAddress, out var path);
        if (r < 0) return r;
        if ((flags & LinuxConstants.O_TMPFILE) == LinuxConstants.O_TMPFILE) return -Errno.EOPNOTSUPP;
        r = p.Paths.Absolute(dirfd, path, out var guest);
        if (r < 0) return r;
        bool cloexec = (flags & LinuxConstants.O_CLOEXEC) != 0;
        // On 64-bit Linux every open file is a large-file open.
        int kept = (flags & ~OpenOnlyFlags) | LinuxConstants.O_LARGEFILE;

        if (DeviceFile.ForPath(guest) is { } kind)
            return p.Files.Add(new DeviceFile(kind) { Flags = kept, GuestPath = guest }, 0, cloexec);
        if (StandardStreamPath(guest) is int std)
        {
            // Linux reopens the file behind the descriptor; sharing the description is the same for streams.
            var f = p.Files.Get(std);
            return f == null ? -Errno.ENOENT : p.Files.Add(f, 0, cloexec);
        }
        if (guest == "/dev/tty") return -Errno.ENXIO; // no controlling terminal

        bool follow = (flags & LinuxConstants.O_NOFOLLOW) == 0 &&
            (flags & (LinuxConstants.O_CREAT | LinuxConstants.O_EXCL)) != (LinuxConstants.O_CREAT | LinuxConstants.O_EXCL);
        r = p.Paths.Resolve(dirfd, path, follow, out var host);
        if (r < 0) return r;
        if ((flags & LinuxConstants.O_CREAT) != 0 && path.EndsWith('/')) return -Errno.EISDIR;
        r = p.Host.Open(host, flags, mode & 0xfff & ~p.Umask, out long handle);
        if (r < 0) return r;
        r = p.Host.GetStatus(handle, out var st);
        uint type = r < 0 ? FileTypes.S_IFREG : st.Mode & FileTypes.S_IFMT;
        bool pathOnly = (flags & LinuxConstants.O_PATH) != 0;
        var file = new HostFile(handle, host, !pathOnly && type is FileTypes.S_IFREG or FileTypes.S_IFBLK, type == FileTypes.S_IFDIR)
        {
            Flags = kept,
            GuestPath = guest,
        };
        int fd = p.Files.Add(file, 0, cloexec);
        if (fd < 0) p.Host.Close(handle);
        return fd;
    }

    /// <summary>The descriptor behind /dev/stdin, /dev/fd/N, /proc/self/fd/N and the like.</summary>
    private static int? StandardStreamPath(string guest)
    {
        switch (guest)
        {
            case "/dev/stdin": return 0;
            case "/dev/stdout": return 1;
            case "/dev/stderr": return 2;
        }
        foreach (var prefix in new[] { "/dev/fd/", "/proc/self/fd/" })
        {
            if (guest.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(guest.AsSpan(prefix.Length), out int n) && n >= 0)
                return n;
        }
        return null;
    }
}
