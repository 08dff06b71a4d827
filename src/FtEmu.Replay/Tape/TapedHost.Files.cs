using FtEmu.Linux;

namespace FtEmu.Replay;

/// <summary>File requests through the tape.</summary>
public sealed partial class TapedHost
{
    public long Open(string path, int flags, uint mode, out long handle)
    {
        Begin(EventKind.Open);
        _tape.Input(path);
        _tape.Input(flags);
        _tape.Input(mode);
        if ((flags & (LinuxConstants.O_CREAT | LinuxConstants.O_TRUNC)) != 0) Effect();
        long h = -1;
        long r = _tape.Result(IsLive ? Live.Open(path, flags, mode, out h) : 0);
        handle = _tape.Result(h);
        _tape.End();
        return r;
    }

    public long Close(long handle) => Simple(EventKind.Close, handle, () => Live.Close(handle));

    public long Read(long handle, Span<byte> buffer, long offset)
    {
        Begin(EventKind.Read);
        _tape.Input(handle);
        _tape.Input(offset);
        _tape.Input(buffer.Length);
        long r = _tape.Result(IsLive ? Live.Read(handle, buffer, offset) : 0);
        _tape.ResultBytes(buffer, r);
        _tape.End();
        return r;
    }

    public long Write(long handle, ReadOnlySpan<byte> data, long offset)
    {
        Begin(EventKind.Write);
        _tape.Input(handle);
        _tape.Input(offset);
        _tape.Input(data.Length);
        long r;
        if (IsLive && Gate != null && Gate.CanDefer(handle))
        {
            // Lockstep: a write to a standard stream is logged as complete now and performed once
            // the secondary holds the log up to it, so that many writes share one round trip.
            r = _tape.Result(data.Length);
            _tape.End();
            Gate.Defer(handle, data);
            return r;
        }
        Effect();
        r = _tape.Result(IsLive ? Live.Write(handle, data, offset) : 0);
        _tape.End();
        if (!IsLive && r > 0) _output?.Replayed(handle, data[..(int)Math.Min(r, data.Length)]);
        return r;
    }

    public long GetStatus(long handle, out FileStatus status)
    {
        Begin(EventKind.GetStatusHandle);
        _tape.Input(handle);
        FileStatus live = default;
        long r = _tape.Result(IsLive ? Live.GetStatus(handle, out live) : 0);
        status = StatusResult(live);
        _tape.End();
        return r;
    }

    public long SetLength(long handle, long length)
    {
        Begin(EventKind.SetLength);
        _tape.Input(handle);
        _tape.Input(length);
        Effect();
        long r = _tape.Result(IsLive ? Live.SetLength(handle, length) : 0);
        _tape.End();
        return r;
    }

    public long Flush(long handle) => Simple(EventKind.Flush, handle, () => Live.Flush(handle));

    public long Poll(long handle, int events, int timeoutMs)
    {
        Begin(EventKind.Poll);
        _tape.Input(handle);
        _tape.Input(events);
        _tape.Input(timeoutMs);
        long r = _tape.Result(IsLive ? Live.Poll(handle, events, timeoutMs) : 0);
        _tape.End();
        return r;
    }

    public bool IsTerminal(long handle) => Simple(EventKind.IsTerminal, handle, () => Live.IsTerminal(handle) ? 1 : 0) != 0;

    public long GetWindowSize(long handle, out ushort rows, out ushort columns)
    {
        Begin(EventKind.GetWindowSize);
        _tape.Input(handle);
        ushort r0 = 0, c0 = 0;
        long r = _tape.Result(IsLive ? Live.GetWindowSize(handle, out r0, out c0) : 0);
        rows = (ushort)_tape.Result(r0);
        columns = (ushort)_tape.Result(c0);
        _tape.End();
        return r;
    }

    // ---- Paths ----

    public long GetStatus(string path, bool followSymlinks, out FileStatus status)
    {
        Begin(EventKind.GetStatusPath);
        _tape.Input(path);
        _tape.Input(followSymlinks ? 1 : 0);
        FileStatus live = default;
        long r = _tape.Result(IsLive ? Live.GetStatus(path, followSymlinks, out live) : 0);
        status = StatusResult(live);
        _tape.End();
        return r;
    }

    public long ReadDirectory(string path, out DirectoryEntry[] entries)
    {
        Begin(EventKind.ReadDirectory);
        _tape.Input(path);
        DirectoryEntry[] live = Array.Empty<DirectoryEntry>();
        long r = _tape.Result(IsLive ? Live.ReadDirectory(path, out live) : 0);
        long n = _tape.Result(live.Length);
        if (n < 0 || n > 1 << 24) throw new DivergenceException($"implausible directory size {n} in the recording");
        entries = new DirectoryEntry[n];
        for (int i = 0; i < n; i++)
        {
            var e = i < live.Length ? live[i] : default;
            entries[i] = new DirectoryEntry(_tape.Result(e.Name ?? ""), (ulong)_tape.Result((long)e.Inode), (byte)_tape.Result(e.Type));
        }
        _tape.End();
        return r;
    }

    public long ReadLink(string path, out string target)
    {
        Begin(EventKind.ReadLink);
        _tape.Input(path);
        string live = "";
        long r = _tape.Result(IsLive ? Live.ReadLink(path, out live) : 0);
        target = _tape.Result(live);
        _tape.End();
        return r;
    }

    public long Access(string path, int mode) => PathCall(EventKind.Access, path, mode, () => Live.Access(path, mode), effect: false);

    public long CreateDirectory(string path, uint mode) => PathCall(EventKind.CreateDirectory, path, mode, () => Live.CreateDirectory(path, mode));

    public long RemoveDirectory(string path) => PathCall(EventKind.RemoveDirectory, path, 0, () => Live.RemoveDirectory(path));

    public long Unlink(string path) => PathCall(EventKind.Unlink, path, 0, () => Live.Unlink(path));

    public long Rename(string from, string to) => TwoPathCall(EventKind.Rename, from, to, () => Live.Rename(from, to));

    public long CreateSymlink(string target, string path) => TwoPathCall(EventKind.CreateSymlink, target, path, () => Live.CreateSymlink(target, path));

    public long CreateHardLink(string existing, string path) => TwoPathCall(EventKind.CreateHardLink, existing, path, () => Live.CreateHardLink(existing, path));

    public long SetMode(string path, uint mode) => PathCall(EventKind.SetMode, path, mode, () => Live.SetMode(path, mode));

    public long SetTimes(string path, Timespec? access, Timespec? modify)
    {
        Begin(EventKind.SetTimes);
        _tape.Input(path);
        _tape.Input(access?.Seconds ?? -1);
        _tape.Input(access?.Nanoseconds ?? -1);
        _tape.Input(modify?.Seconds ?? -1);
        _tape.Input(modify?.Nanoseconds ?? -1);
        Effect();
        long r = _tape.Result(IsLive ? Live.SetTimes(path, access, modify) : 0);
        _tape.End();
        return r;
    }

    // ---- Shapes shared by several calls ----

    private long Simple(EventKind kind, long handle, Func<long> live)
    {
        Begin(kind);
        _tape.Input(handle);
        long r = _tape.Result(IsLive ? live() : 0);
        _tape.End();
        return r;
    }

    private long PathCall(EventKind kind, string path, long arg, Func<long> live, bool effect = true)
    {
        Begin(kind);
        _tape.Input(path);
        _tape.Input(arg);
        if (effect) Effect();
        long r = _tape.Result(IsLive ? live() : 0);
        _tape.End();
        return r;
    }

    private long TwoPathCall(EventKind kind, string a, string b, Func<long> live)
    {
        Begin(kind);
        _tape.Input(a);
        _tape.Input(b);
        Effect();
        long r = _tape.Result(IsLive ? live() : 0);
        _tape.End();
        return r;
    }

    private FileStatus StatusResult(FileStatus s) => new(
        (ulong)_tape.Result((long)s.Device), (ulong)_tape.Result((long)s.Inode), (uint)_tape.Result(s.Mode),
        (ulong)_tape.Result((long)s.LinkCount), (uint)_tape.Result(s.Uid), (uint)_tape.Result(s.Gid),
        (ulong)_tape.Result((long)s.RDevice), _tape.Result(s.Size), _tape.Result(s.BlockSize), _tape.Result(s.Blocks),
        new Timespec(_tape.Result(s.AccessTime.Seconds), _tape.Result(s.AccessTime.Nanoseconds)),
        new Timespec(_tape.Result(s.ModifyTime.Seconds), _tape.Result(s.ModifyTime.Nanoseconds)),
        new Timespec(_tape.Result(s.ChangeTime.Seconds), _tape.Result(s.ChangeTime.Nanoseconds)));
}
