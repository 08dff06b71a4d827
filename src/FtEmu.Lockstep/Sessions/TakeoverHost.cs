using FtEmu.Linux;
using FtEmu.Replay;

namespace FtEmu.Lockstep;

/// <summary>
/// The live boundary of a secondary that has gone live. The guest's descriptor table still holds
/// the primary's host handles; each is opened again here on first use, by the path and flags it
/// was opened with (never creating or truncating again), and new handles are numbered above
/// every recorded one so that the two kinds never collide.
/// </summary>
public sealed class TakeoverHost : IHostBoundary
{
    private const long FirstNewHandle = 1L << 40;
    private readonly IHostBoundary _live;
    private readonly Dictionary<long, TapedHost.OpenedFile> _recorded;
    private readonly Dictionary<long, long> _local = new();
    private long _nextHandle = FirstNewHandle;

    public TakeoverHost(IHostBoundary live, Dictionary<long, TapedHost.OpenedFile> recorded)
    {
        _live = live;
        _recorded = recorded;
    }

    /// <summary>The local handle for a guest-visible one, opening a recorded file again if needed; -1 if unknown.</summary>
    private long Map(long handle)
    {
        if (handle <= 2) return handle;
        if (_local.TryGetValue(handle, out long h)) return h;
        if (!_recorded.TryGetValue(handle, out var f)) return -1;
        int flags = f.Flags & ~(LinuxConstants.O_CREAT | LinuxConstants.O_TRUNC | LinuxConstants.O_EXCL);
        if (_live.Open(f.Path, flags, f.Mode, out h) < 0) return -1;
        _local[handle] = h;
        return h;
    }

    public long Open(string path, int flags, uint mode, out long handle)
    {
        long r = _live.Open(path, flags, mode, out long h);
        handle = -1;
        if (r < 0) return r;
        handle = _nextHandle++;
        _local[handle] = h;
        return r;
    }

    public long Close(long handle)
    {
        long h = Map(handle);
        _local.Remove(handle);
        _recorded.Remove(handle);
        return h < 0 ? -Errno.EBADF : _live.Close(h);
    }

    public long Read(long handle, Span<byte> buffer, long offset) => Map(handle) is var h && h >= 0 ? _live.Read(h, buffer, offset) : -Errno.EBADF;
    public long Write(long handle, ReadOnlySpan<byte> data, long offset) => Map(handle) is var h && h >= 0 ? _live.Write(h, data, offset) : -Errno.EBADF;

    public long GetStatus(long handle, out FileStatus status)
    {
        status = default;
        long h = Map(handle);
        return h >= 0 ? _live.GetStatus(h, out status) : -Errno.EBADF;
    }

    public long SetLength(long handle, long length) => Map(handle) is var h && h >= 0 ? _live.SetLength(h, length) : -Errno.EBADF;
    public long Flush(long handle) => Map(handle) is var h && h >= 0 ? _live.Flush(h) : -Errno.EBADF;
    public long Poll(long handle, int events, int timeoutMs) => Map(handle) is var h && h >= 0 ? _live.Poll(h, events, timeoutMs) : -Errno.EBADF;
    public bool IsTerminal(long handle) => Map(handle) is var h && h >= 0 && _live.IsTerminal(h);

    public long GetWindowSize(long handle, out ushort rows, out ushort columns)
    {
        rows = columns = 0;
        long h = Map(handle);
        return h >= 0 ? _live.GetWindowSize(h, out rows, out columns) : -Errno.EBADF;
    }

    public Timespec GetTime(int clockId) => _live.GetTime(clockId);
    public Timespec GetClockResolution(int clockId) => _live.GetClockResolution(clockId);
    public ulong ReadTimestampCounter() => _live.ReadTimestampCounter();
    public void GetRandomBytes(Span<byte> buffer) => _live.GetRandomBytes(buffer);
    public ProcessIdentity GetIdentity() => _live.GetIdentity();
    public string GetHostName() => _live.GetHostName();
    public SystemInfo GetSystemInfo() => _live.GetSystemInfo();
    public long Sleep(Timespec duration) => _live.Sleep(duration);
    public string GetInitialDirectory() => _live.GetInitialDirectory();
    public long GetStatus(string path, bool followSymlinks, out FileStatus status) => _live.GetStatus(path, followSymlinks, out status);
    public long ReadDirectory(string path, out DirectoryEntry[] entries) => _live.ReadDirectory(path, out entries);
    public long ReadLink(string path, out string target) => _live.ReadLink(path, out target);
    public long Access(string path, int mode) => _live.Access(path, mode);
    public long CreateDirectory(string path, uint mode) => _live.CreateDirectory(path, mode);
    public long RemoveDirectory(string path) => _live.RemoveDirectory(path);
    public long Unlink(string path) => _live.Unlink(path);
    public long Rename(string from, string to) => _live.Rename(from, to);
    public long CreateSymlink(string target, string path) => _live.CreateSymlink(target, path);
    public long CreateHardLink(string existing, string path) => _live.CreateHardLink(existing, path);
    public long SetMode(string path, uint mode) => _live.SetMode(path, mode);
    public long SetOwner(string path, uint uid, uint gid, bool followSymlinks) => _live.SetOwner(path, uid, gid, followSymlinks);
    public long SetTimes(string path, Timespec? access, Timespec? modify) => _live.SetTimes(path, access, modify);
}
