namespace FtEmu.Linux;

/// <summary>
/// Turns guest paths into host paths. Without a root the guest sees the host's file system as it
/// is. With a root, the guest's "/" is that host directory and resolution walks the path one
/// component at a time, following symlinks itself, so that no path, ".." or symlink (absolute or
/// relative) can reach outside the root.
/// </summary>
public sealed class GuestPaths
{
    private const int MaxSymlinks = 40;
    private readonly LinuxProcess _process;

    public GuestPaths(LinuxProcess process, string? root)
    {
        _process = process;
        Root = root == null ? null : Path.GetFullPath(root).TrimEnd('/');
    }

    /// <summary>Host directory that is the guest root, or null.</summary>
    public string? Root { get; }

    /// <summary>Absolute, normalised guest path of <paramref name="path"/> relative to a directory descriptor (AT_FDCWD for the cwd).</summary>
    public long Absolute(int dirfd, string path, out string guestPath)
    {
        guestPath = "";
        if (path.Length == 0) return -Errno.ENOENT;
        string baseDir;
        if (path[0] == '/') baseDir = "/";
        else if (dirfd == LinuxConstants.AT_FDCWD) baseDir = _process.Cwd;
        else
        {
            var f = _process.Files.Get(dirfd);
            if (f == null) return -Errno.EBADF;
            if (!f.IsDirectory) return -Errno.ENOTDIR;
            baseDir = f.GuestPath;
        }
        guestPath = Normalize(baseDir, path);
        return 0;
    }

    /// <summary>Lexical normalisation: joins, drops "." and empty parts, applies "..", never above "/".</summary>
    public static string Normalize(string baseDir, string path)
    {
        var parts = new List<string>();
        foreach (var p in (path.StartsWith('/') ? path : baseDir + "/" + path).Split('/'))
        {
            if (p.Length == 0 || p == ".") continue;
            if (p == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(p);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>
    /// Resolves a guest path to a host path. With a root, symlinks in every component (and in the
    /// last one when <paramref name="followLast"/>) are followed inside the root.
    /// </summary>
    public long Resolve(int dirfd, string path, bool followLast, out string hostPath)
    {
        hostPath = "";
        bool trailingSlash = path.EndsWith('/') && path.Length > 1;
        long r = Absolute(dirfd, path, out var guest);
        if (r < 0) return r;
        if (Root == null)
        {
            // The host resolves symlinks and ".." itself, exactly as Linux would for a native process.
            hostPath = RawJoin(dirfd, path);
            return 0;
        }
        r = Walk(guest, followLast || trailingSlash, out var resolved);
        if (r < 0) return r;
        hostPath = ToHost(resolved);
        return 0;
    }

    private string RawJoin(int dirfd, string path)
    {
        if (path[0] == '/') return path;
        string baseDir = dirfd == LinuxConstants.AT_FDCWD ? _process.Cwd : _process.Files.Get(dirfd)?.GuestPath ?? "/";
        return baseDir.TrimEnd('/') + "/" + path;
    }

    /// <summary>Host path of an already resolved guest path.</summary>
    public string ToHost(string guestPath) => Root == null ? guestPath : guestPath == "/" ? Root + "/" : Root + guestPath;

    /// <summary>Guest path of a host path inside the root (for readlink of /proc/self/exe and the like).</summary>
    public string ToGuest(string hostPath) =>
        Root == null ? hostPath : hostPath.StartsWith(Root, StringComparison.Ordinal) ? (hostPath.Length == Root.Length ? "/" : hostPath[Root.Length..]) : hostPath;

    /// <summary>
    /// The guest path with every symlink resolved (what getcwd reports after chdir), walking
    /// component by component with or without a root.
    /// </summary>
    public long Canonical(int dirfd, string path, out string guestPath)
    {
        guestPath = "";
        long r = Absolute(dirfd, path, out var guest);
        if (r < 0) return r;
        return Walk(guest, true, out guestPath);
    }

    private long Walk(string guest, bool followLast, out string resolved)
    {
        resolved = "/";
        var pending = new Stack<string>(guest.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var done = new List<string>();
        int links = 0;
        while (pending.Count > 0)
        {
            string part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                if (done.Count > 0) done.RemoveAt(done.Count - 1);
                continue;
            }
            done.Add(part);
            bool last = pending.Count == 0;
            if (last && !followLast) break;
            string current = "/" + string.Join('/', done);
            if (_process.Host.GetStatus(ToHost(current), false, out var st) < 0)
            {
                // A missing final component is fine (open with O_CREAT, mkdir); a missing directory is not.
                if (last) break;
                return -Errno.ENOENT;
            }
            if ((st.Mode & FileTypes.S_IFMT) == FileTypes.S_IFLNK)
            {
                if (++links > MaxSymlinks) return -Errno.ELOOP;
                long r = _process.Host.ReadLink(ToHost(current), out var target);
                if (r < 0) return r;
                done.RemoveAt(done.Count - 1);
                if (target.StartsWith('/')) done.Clear();
                foreach (var t in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse()) pending.Push(t);
            }
            else if (!last && (st.Mode & FileTypes.S_IFMT) != FileTypes.S_IFDIR)
            {
                return -Errno.ENOTDIR;
            }
        }
        resolved = "/" + string.Join('/', done);
        return 0;
    }
}
