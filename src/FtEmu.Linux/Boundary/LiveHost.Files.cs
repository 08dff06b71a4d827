using Microsoft.Win32.SafeHandles;

namespace FtEmu.Linux;

/// <summary>Host file access for the live boundary. Handles 0..2 are the standard streams.</summary>
public sealed partial class LiveHost
{
    /// <summary>What a handle stands for: an open host file (positional I/O when seekable), or a directory or O_PATH name only.</summary>
    private sealed class HostHandle
    {
        public required string Path { get; init; }
        public FileStream? Stream { get; init; }
        /// <summary>
        /// The stream's handle, taken once at open: FileStream.SafeFileHandle syncs the OS file position
        /// with an lseek on every call, which doubled the host system calls of each read or write.
        /// </summary>
        public SafeFileHandle? Handle { get; init; }
        public bool Seekable { get; init; }
    }

    private readonly Dictionary<long, HostHandle> _handles = new();
    private long _nextHandle = 3;

    private Stream? StandardStream(long handle) => handle switch
    {
        0 => _stdin,
        1 => _stdout,
        2 => _stderr,
        _ => null,
    };

    private void CloseAllFiles()
    {
        foreach (var h in _handles.Values) h.Stream?.Dispose();
        _handles.Clear();
    }

    public long Open(string path, int flags, uint mode, out long handle)
    {
        handle = -1;
        const int O_ACCMODE = LinuxConstants.O_ACCMODE;
        bool create = (flags & LinuxConstants.O_CREAT) != 0;
        bool exclusive = create && (flags & LinuxConstants.O_EXCL) != 0;
        bool follow = (flags & LinuxConstants.O_NOFOLLOW) == 0 && !exclusive;
        int access = flags & O_ACCMODE;
        long r = GetStatus(path, follow, out var st);
        if (r == -Errno.ENOENT && !create) return r;
        if (r < 0 && r != -Errno.ENOENT) return r;
        bool exists = r == 0;
        uint type = st.Mode & FileTypes.S_IFMT;
        if (exists)
        {
            if (exclusive) return -Errno.EEXIST;
            if (type == FileTypes.S_IFLNK && (flags & LinuxConstants.O_PATH) == 0) return -Errno.ELOOP;
            if ((flags & LinuxConstants.O_DIRECTORY) != 0 && type != FileTypes.S_IFDIR) return -Errno.ENOTDIR;
            if (type == FileTypes.S_IFDIR)
            {
                if (create || access != LinuxConstants.O_RDONLY) return -Errno.EISDIR;
                return AddHandle(new HostHandle { Path = path }, out handle);
            }
            if ((flags & LinuxConstants.O_PATH) != 0) return AddHandle(new HostHandle { Path = path }, out handle);
        }
        else
        {
            if ((flags & LinuxConstants.O_DIRECTORY) != 0 && !create) return -Errno.ENOENT;
            r = CheckParent(path);
            if (r < 0) return r;
        }

        var options = new FileStreamOptions
        {
            Access = access switch
            {
                LinuxConstants.O_WRONLY => FileAccess.Write,
                LinuxConstants.O_RDWR => FileAccess.ReadWrite,
                _ => FileAccess.Read,
            },
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        bool truncate = (flags & LinuxConstants.O_TRUNC) != 0 && options.Access != FileAccess.Read;
        options.Mode = exclusive ? FileMode.CreateNew : create ? (truncate ? FileMode.Create : FileMode.OpenOrCreate)
            : truncate ? FileMode.Truncate : FileMode.Open;
        // .NET refuses to create a file for reading only; Linux allows it, and the Linux layer enforces the access mode.
        if (options.Mode == FileMode.CreateNew && options.Access == FileAccess.Read) options.Access = FileAccess.ReadWrite;
        if (create && !exists && !OperatingSystem.IsWindows()) options.UnixCreateMode = (UnixFileMode)(mode & 0xfff);
        try
        {
            var stream = new FileStream(path, options);
            return AddHandle(new HostHandle { Path = path, Stream = stream, Handle = stream.SafeFileHandle, Seekable = stream.CanSeek }, out handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ErrnoOf(e);
        }
    }

    private long AddHandle(HostHandle h, out long handle)
    {
        handle = _nextHandle++;
        _handles.Add(handle, h);
        return 0;
    }

    public long Close(long handle)
    {
        if (!_handles.Remove(handle, out var h)) return handle is >= 0 and <= 2 ? 0 : -Errno.EBADF;
        h.Stream?.Dispose();
        return 0;
    }

    public long Read(long handle, Span<byte> buffer, long offset)
    {
        try
        {
            var s = StandardStream(handle);
            if (s != null) return s.Read(buffer);
            if (!_handles.TryGetValue(handle, out var h)) return -Errno.EBADF;
            if (h.Stream == null) return Directory.Exists(h.Path) ? -Errno.EISDIR : -Errno.EBADF;
            if (h.Seekable) return RandomAccess.Read(h.Handle!, buffer, Math.Max(0, offset));
            return h.Stream.Read(buffer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ErrnoOf(e, Errno.EIO);
        }
    }

    public long Write(long handle, ReadOnlySpan<byte> data, long offset)
    {
        try
        {
            var s = StandardStream(handle);
            if (s != null)
            {
                s.Write(data);
                s.Flush();
                return data.Length;
            }
            if (!_handles.TryGetValue(handle, out var h) || h.Stream == null) return -Errno.EBADF;
            if (h.Seekable)
            {
                if (offset < 0) offset = RandomAccess.GetLength(h.Handle!);
                RandomAccess.Write(h.Handle!, data, offset);
            }
            else
            {
                h.Stream.Write(data);
                h.Stream.Flush();
            }
            return data.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ErrnoOf(e, Errno.EPIPE);
        }
    }

    public long GetStatus(long handle, out FileStatus status)
    {
        status = default;
        if (handle is >= 0 and <= 2) return StandardStreamStatus(handle, out status);
        if (!_handles.TryGetValue(handle, out var h)) return -Errno.EBADF;
        if (h.Stream != null && UnixNative.HasLinuxErrno)
        {
            bool added = false;
            h.Handle!.DangerousAddRef(ref added);
            try
            {
                return UnixNative.Stat("", (int)h.Handle.DangerousGetHandle(), true, out status);
            }
            finally
            {
                if (added) h.Handle.DangerousRelease();
            }
        }
        return GetStatus(h.Path, true, out status);
    }

    /// <summary>The standard streams as Linux would show them: a terminal, or a pipe when redirected.</summary>
    private long StandardStreamStatus(long handle, out FileStatus status)
    {
        bool tty = IsTerminal(handle);
        var id = GetIdentity();
        status = new FileStatus(0, (ulong)(handle + 1), (tty ? FileTypes.S_IFCHR | 0x190u /* 0620 */ : FileTypes.S_IFIFO | 0x180u /* 0600 */),
            1, id.EffectiveUid, id.EffectiveGid, tty ? UnixNative.MakeDevice(136, 0) : 0, 0, 4096, 0, default, default, default);
        return 0;
    }

    public long SetLength(long handle, long length)
    {
        if (!_handles.TryGetValue(handle, out var h) || h.Stream == null) return -Errno.EBADF;
        if (!h.Seekable) return -Errno.EINVAL;
        try
        {
            RandomAccess.SetLength(h.Handle!, length);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ErrnoOf(e, Errno.EINVAL);
        }
    }

    public long Flush(long handle)
    {
        try
        {
            var s = StandardStream(handle);
            if (s != null)
            {
                s.Flush();
                return 0;
            }
            if (!_handles.TryGetValue(handle, out var h)) return -Errno.EBADF;
            h.Stream?.Flush(flushToDisk: true);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ErrnoOf(e, Errno.EIO);
        }
    }

    /// <summary>
    /// Readiness of a non-seekable host stream. .NET has no poll; a blocking read would simply wait,
    /// so streams are reported ready and the read that follows does the waiting.
    /// </summary>
    public long Poll(long handle, int events, int timeoutMs)
    {
        if (StandardStream(handle) == null && !_handles.ContainsKey(handle)) return LinuxConstants.POLLNVAL;
        return events & (LinuxConstants.POLLIN | LinuxConstants.POLLOUT);
    }

    public bool IsTerminal(long handle) => handle switch
    {
        0 => _consoleStreams && !Console.IsInputRedirected,
        1 => _consoleStreams && !Console.IsOutputRedirected,
        2 => _consoleStreams && !Console.IsErrorRedirected,
        _ => false,
    };

    public long GetWindowSize(long handle, out ushort rows, out ushort columns)
    {
        rows = columns = 0;
        if (!IsTerminal(handle)) return -Errno.ENOTTY;
        try
        {
            rows = (ushort)Console.WindowHeight;
            columns = (ushort)Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            rows = 24;
            columns = 80;
        }
        return 0;
    }

    // ---- Paths ----

    public long GetStatus(string path, bool followSymlinks, out FileStatus status)
    {
        status = default;
        if (path.Length == 0) return -Errno.ENOENT;
        if (UnixNative.HasLinuxErrno) return UnixNative.Stat(path, -1, followSymlinks, out status);
        return PortableStatus(path, followSymlinks, out status);
    }

    /// <summary>stat from .NET's FileSystemInfo alone, for hosts without Linux's statx.</summary>
    private long PortableStatus(string path, bool followSymlinks, out FileStatus status)
    {
        status = default;
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (!info.Exists && info.LinkTarget == null) return CheckParent(path) is < 0 and var r ? r : -Errno.ENOENT;
            if (followSymlinks && info.LinkTarget != null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target == null || !target.Exists) return -Errno.ENOENT;
                info = target;
            }
            uint type = info.LinkTarget != null ? FileTypes.S_IFLNK : info is DirectoryInfo ? FileTypes.S_IFDIR : FileTypes.S_IFREG;
            uint perm = OperatingSystem.IsWindows() ? (type == FileTypes.S_IFDIR ? 0x1edu : 0x1a4u) : (uint)info.UnixFileMode;
            long size = info is FileInfo fi && type == FileTypes.S_IFREG ? fi.Length : type == FileTypes.S_IFLNK ? info.LinkTarget!.Length : 4096;
            var id = GetIdentity();
            status = new FileStatus(1, PortableInode(info.FullName), type | perm, 1, id.EffectiveUid, id.EffectiveGid, 0, size, 4096,
                (size + 511) / 512, ToTimespec(info.LastAccessTimeUtc), ToTimespec(info.LastWriteTimeUtc), ToTimespec(info.LastWriteTimeUtc));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    /// <summary>A stable stand-in inode number (FNV-1a of the full path) where the host exposes none.</summary>
    private static ulong PortableInode(string fullPath)
    {
        ulong h = 14695981039346656037;
        foreach (char c in fullPath) h = (h ^ c) * 1099511628211;
        return h | 1;
    }

    private static Timespec ToTimespec(DateTime utc)
    {
        long ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        return new Timespec(Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long rem) - (rem < 0 ? 1 : 0),
            (rem < 0 ? rem + TimeSpan.TicksPerSecond : rem) * 100);
    }

    private static DateTime FromTimespec(Timespec t) =>
        DateTime.UnixEpoch.AddTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);

    public long GetFileSystemStatus(string path, out FileSystemStatus status)
    {
        status = default;
        if (UnixNative.HasLinuxErrno) return UnixNative.Statfs(path, out status);
        long r = GetStatus(path, true, out _);
        if (r < 0) return r;
        try
        {
            var drive = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(path)) ?? "/");
            const long Block = 4096;
            status = new FileSystemStatus(0xEF53, Block, (ulong)(drive.TotalSize / Block), (ulong)(drive.TotalFreeSpace / Block),
                (ulong)(drive.AvailableFreeSpace / Block), 0, 0, 0, 255, Block, 0);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ErrnoOf(e);
        }
    }

    public long ReadDirectory(string path, out DirectoryEntry[] entries)
    {
        entries = Array.Empty<DirectoryEntry>();
        long r = GetStatus(path, true, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFDIR) return -Errno.ENOTDIR;
        try
        {
            var list = new List<DirectoryEntry>();
            var options = new EnumerationOptions
            {
                AttributesToSkip = 0,
                IgnoreInaccessible = false,
                RecurseSubdirectories = false,
                ReturnSpecialDirectories = false,
            };
            foreach (var info in new DirectoryInfo(path).EnumerateFileSystemInfos("*", options))
            {
                byte type = FileTypes.DT_UNKNOWN;
                ulong inode = 0;
                if (GetStatus(info.FullName, false, out var est) == 0)
                {
                    type = FileTypes.DirentType(est.Mode);
                    inode = est.Inode;
                }
                list.Add(new DirectoryEntry(info.Name, inode, type));
            }
            entries = list.ToArray();
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long ReadLink(string path, out string target)
    {
        target = "";
        long r = GetStatus(path, false, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFLNK) return -Errno.EINVAL;
        try
        {
            target = new FileInfo(path).LinkTarget ?? "";
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long Access(string path, int mode)
    {
        long r = GetStatus(path, true, out var st);
        if (r < 0 || mode == 0) return r;
        var id = GetIdentity();
        // Root may read and write anything, and execute what has any execute bit.
        if (id.EffectiveUid == 0)
            return (mode & 1) != 0 && (st.Mode & 0x49) == 0 && (st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFDIR ? -Errno.EACCES : 0;
        int shift = st.Uid == id.EffectiveUid ? 6 : st.Gid == id.EffectiveGid ? 3 : 0;
        uint granted = (st.Mode >> shift) & 7;
        return ((uint)mode & 7 & ~granted) == 0 ? 0 : -Errno.EACCES;
    }

    public long CreateDirectory(string path, uint mode)
    {
        long r = GetStatus(path, false, out _);
        if (r == 0) return -Errno.EEXIST;
        r = CheckParent(path);
        if (r < 0) return r;
        try
        {
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else Directory.CreateDirectory(path, (UnixFileMode)(mode & 0xfff));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long RemoveDirectory(string path)
    {
        long r = GetStatus(path, false, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFDIR) return -Errno.ENOTDIR;
        try
        {
            if (new DirectoryInfo(path).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }).Any())
                return -Errno.ENOTEMPTY;
            Directory.Delete(path, recursive: false);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long Unlink(string path)
    {
        long r = GetStatus(path, false, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR) return -Errno.EISDIR;
        try
        {
            File.Delete(path);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long Rename(string from, string to)
    {
        long r = GetStatus(from, false, out var src);
        if (r < 0) return r;
        r = CheckParent(to);
        if (r < 0) return r;
        bool srcDir = (src.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR;
        bool destExists = GetStatus(to, false, out var dst) == 0;
        try
        {
            if (destExists)
            {
                if (dst.Inode == src.Inode && dst.Device == src.Device) return 0;
                bool dstDir = (dst.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR;
                if (srcDir && !dstDir) return -Errno.ENOTDIR;
                if (!srcDir && dstDir) return -Errno.EISDIR;
                if (dstDir)
                {
                    if (new DirectoryInfo(to).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }).Any())
                        return -Errno.ENOTEMPTY;
                    Directory.Delete(to);
                }
            }
            if (srcDir)
            {
                string full = Path.GetFullPath(from).TrimEnd('/') + "/";
                if (Path.GetFullPath(to).StartsWith(full, StringComparison.Ordinal)) return -Errno.EINVAL;
                Directory.Move(from, to);
            }
            else
            {
                File.Move(from, to, overwrite: true);
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long CreateSymlink(string target, string path)
    {
        if (GetStatus(path, false, out _) == 0) return -Errno.EEXIST;
        long r = CheckParent(path);
        if (r < 0) return r;
        try
        {
            File.CreateSymbolicLink(path, target);
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long CreateHardLink(string existing, string path)
    {
        long r = GetStatus(existing, false, out var st);
        if (r < 0) return r;
        if ((st.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR) return -Errno.EPERM;
        if (GetStatus(path, false, out _) == 0) return -Errno.EEXIST;
        r = CheckParent(path);
        if (r < 0) return r;
        return OperatingSystem.IsWindows() ? -Errno.EPERM : UnixNative.Link(existing, path);
    }

    public long SetMode(string path, uint mode)
    {
        long r = GetStatus(path, true, out _);
        if (r < 0) return r;
        if (OperatingSystem.IsWindows()) return 0;
        try
        {
            File.SetUnixFileMode(path, (UnixFileMode)(mode & 0xfff));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ErrnoOf(e);
        }
    }

    public long SetOwner(string path, uint uid, uint gid, bool followSymlinks)
    {
        long r = GetStatus(path, followSymlinks, out var st);
        if (r < 0) return r;
        bool noChange = (uid == uint.MaxValue || uid == st.Uid) && (gid == uint.MaxValue || gid == st.Gid);
        if (noChange) return 0;
        return OperatingSystem.IsWindows() ? -Errno.EPERM : UnixNative.Chown(path, uid, gid, followSymlinks);
    }

    public long SetTimes(string path, Timespec? access, Timespec? modify)
    {
        long r = GetStatus(path, true, out _);
        if (r < 0) return r;
        try
        {
            bool dir = Directory.Exists(path);
            if (access is { } a)
            {
                if (dir) Directory.SetLastAccessTimeUtc(path, FromTimespec(a));
                else File.SetLastAccessTimeUtc(path, FromTimespec(a));
            }
            if (modify is { } m)
            {
                if (dir) Directory.SetLastWriteTimeUtc(path, FromTimespec(m));
                else File.SetLastWriteTimeUtc(path, FromTimespec(m));
            }
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ErrnoOf(e);
        }
    }

    /// <summary>ENOENT when the parent directory is missing, ENOTDIR when it is not a directory.</summary>
    private long CheckParent(string path)
    {
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        string? parent = Path.GetDirectoryName(trimmed);
        if (string.IsNullOrEmpty(parent)) return 0;
        long r = GetStatus(parent, true, out var st);
        if (r < 0) return r;
        return (st.Mode & FileTypes.S_IFMT) == FileTypes.S_IFDIR ? 0 : -Errno.ENOTDIR;
    }

    /// <summary>
    /// The Linux errno for a failed .NET file operation. On Linux, .NET puts the raw errno in the
    /// HResult of plain IOExceptions; otherwise the exception type tells.
    /// </summary>
    internal static long ErrnoOf(Exception e, int fallback = Errno.EIO)
    {
        if (UnixNative.HasLinuxErrno && e.GetType() == typeof(IOException) && e.HResult is > 0 and < 4096) return -e.HResult;
        return e switch
        {
            FileNotFoundException or DirectoryNotFoundException => -Errno.ENOENT,
            UnauthorizedAccessException => -Errno.EACCES,
            PathTooLongException => -Errno.ENAMETOOLONG,
            NotSupportedException => -Errno.EINVAL,
            ArgumentException => -Errno.EINVAL,
            _ => -fallback,
        };
    }
}
