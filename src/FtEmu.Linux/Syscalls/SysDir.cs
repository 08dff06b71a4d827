using System.Buffers.Binary;
using System.Text;

namespace FtEmu.Linux;

/// <summary>getdents64 and the working directory: getcwd, chdir, fchdir.</summary>
public static partial class Sys
{
    public static long Getdents64(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (f is not HostFile { IsDirectory: true } dir || (f.Flags & LinuxConstants.O_PATH) != 0)
            return (f.Flags & LinuxConstants.O_PATH) != 0 ? -Errno.EBADF : -Errno.ENOTDIR;
        if (dir.Listing == null)
        {
            long r = ListDirectory(p, dir, out var listing);
            if (r < 0) return r;
            dir.Listing = listing;
        }
        int capacity = (int)Math.Min(a.A2, MaxTransfer);
        if (!p.Memory.IsWritable(a.A1, (ulong)Math.Max(capacity, 1))) return -Errno.EFAULT;
        var buf = new byte[Math.Min(capacity, 1 << 20)];
        int used = EncodeDirents(dir.Listing, (int)Math.Min(dir.Offset, int.MaxValue), buf, out int next);
        if (used < 0) return used;
        p.Memory.TryWrite(a.A1, buf.AsSpan(0, used));
        dir.Offset = next;
        return used;
    }

    /// <summary>"." and ".." followed by the host's entries, in the host's order.</summary>
    private static long ListDirectory(LinuxProcess p, HostFile dir, out DirectoryEntry[] listing)
    {
        listing = Array.Empty<DirectoryEntry>();
        long r = p.Host.ReadDirectory(dir.HostPath, out var entries);
        if (r < 0) return r;
        ulong self = p.Host.GetStatus(dir.HostPath, true, out var st) == 0 ? st.Inode : 0;
        ulong parent = self;
        if (p.Paths.Resolve(LinuxConstants.AT_FDCWD, GuestPaths.Normalize(dir.GuestPath, ".."), true, out var parentHost) == 0 &&
            p.Host.GetStatus(parentHost, true, out var pst) == 0)
            parent = pst.Inode;
        listing = new DirectoryEntry[entries.Length + 2];
        listing[0] = new DirectoryEntry(".", self, FileTypes.DT_DIR);
        listing[1] = new DirectoryEntry("..", parent, FileTypes.DT_DIR);
        entries.CopyTo(listing, 2);
        return 0;
    }

    /// <summary>
    /// Packs linux_dirent64 records (ino, d_off = index of the next entry, reclen, type, name, NUL,
    /// padding to 8) starting at entry <paramref name="start"/>; -EINVAL if not even one fits.
    /// </summary>
    public static int EncodeDirents(DirectoryEntry[] listing, int start, Span<byte> buf, out int next)
    {
        int used = 0;
        next = start;
        for (int i = start; i < listing.Length; i++)
        {
            var e = listing[i];
            int nameLen = Encoding.UTF8.GetByteCount(e.Name);
            int reclen = (19 + nameLen + 1 + 7) & ~7;
            if (used + reclen > buf.Length)
            {
                if (used == 0) return -Errno.EINVAL;
                break;
            }
            var rec = buf.Slice(used, reclen);
            rec.Clear();
            BinaryPrimitives.WriteUInt64LittleEndian(rec, e.Inode);
            BinaryPrimitives.WriteInt64LittleEndian(rec[8..], i + 1);
            BinaryPrimitives.WriteUInt16LittleEndian(rec[16..], (ushort)reclen);
            rec[18] = e.Type;
            Encoding.UTF8.GetBytes(e.Name, rec[19..]);
            used += reclen;
            next = i + 1;
        }
        return used;
    }

    public static long Getcwd(LinuxProcess p, in SyscallArgs a)
    {
        var bytes = Encoding.UTF8.GetBytes(p.Cwd + "\0");
        if ((ulong)bytes.Length > a.A1) return -Errno.ERANGE;
        return p.Memory.TryWrite(a.A0, bytes) ? bytes.Length : -Errno.EFAULT;
    }

    public static long Chdir(LinuxProcess p, in SyscallArgs a)
    {
        long r = ReadPath(p, a.A0, out var path);
        if (r < 0) return r;
        return ChangeDirectory(p, LinuxConstants.AT_FDCWD, path);
    }

    public static long Fchdir(LinuxProcess p, in SyscallArgs a)
    {
        var f = p.Files.Get((int)a.A0);
        if (f == null) return -Errno.EBADF;
        if (!f.IsDirectory) return -Errno.ENOTDIR;
        p.Cwd = f.GuestPath;
        return 0;
    }

    private static long ChangeDirectory(LinuxProcess p, int dirfd, string path)
    {
        if (path.Length == 0) return -Errno.ENOENT;
        long r = p.Paths.Canonical(dirfd, path, out var guest);
        if (r < 0) return r;
        r = p.Host.GetStatus(p.Paths.ToHost(guest), true, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFDIR) return -Errno.ENOTDIR;
        r = p.Host.Access(p.Paths.ToHost(guest), 1);
        if (r < 0) return r;
        p.Cwd = guest;
        return 0;
    }
}
