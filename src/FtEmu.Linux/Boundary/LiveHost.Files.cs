namespace FtEmu.Linux;

/// <summary>Host file access for the live boundary. Handles 0..2 are the standard streams.</summary>
public sealed partial class LiveHost
{
    private readonly Dictionary<long, object> _handles = new();

    private Stream? StandardStream(long handle) => handle switch
    {
        0 => _stdin,
        1 => _stdout,
        2 => _stderr,
        _ => null,
    };

    private void CloseAllFiles()
    {
        foreach (var h in _handles.Values)
            if (h is IDisposable d) d.Dispose();
        _handles.Clear();
    }

    public long Open(string path, int flags, uint mode, out long handle)
    {
        handle = -1;
        return -Errno.ENOSYS;
    }

    public long Close(long handle) => _handles.Remove(handle) ? 0 : -Errno.EBADF;

    public long Read(long handle, Span<byte> buffer, long offset)
    {
        var s = StandardStream(handle);
        if (s != null)
        {
            try
            {
                return s.Read(buffer);
            }
            catch (IOException)
            {
                return -Errno.EIO;
            }
        }
        return -Errno.EBADF;
    }

    public long Write(long handle, ReadOnlySpan<byte> data, long offset)
    {
        var s = StandardStream(handle);
        if (s != null)
        {
            try
            {
                s.Write(data);
                s.Flush();
                return data.Length;
            }
            catch (IOException)
            {
                return -Errno.EPIPE;
            }
        }
        return -Errno.EBADF;
    }

    public long GetStatus(long handle, out FileStatus status)
    {
        status = default;
        return -Errno.ENOSYS;
    }

    public long SetLength(long handle, long length) => -Errno.ENOSYS;
    public long Flush(long handle) => 0;
    public long Poll(long handle, int events, int timeoutMs) => events & (LinuxConstants.POLLIN | LinuxConstants.POLLOUT);
    public bool IsTerminal(long handle) => false;

    public long GetWindowSize(long handle, out ushort rows, out ushort columns)
    {
        rows = columns = 0;
        return -Errno.ENOTTY;
    }

    public long GetStatus(string path, bool followSymlinks, out FileStatus status)
    {
        status = default;
        return -Errno.ENOSYS;
    }

    public long ReadDirectory(string path, out DirectoryEntry[] entries)
    {
        entries = Array.Empty<DirectoryEntry>();
        return -Errno.ENOSYS;
    }

    public long ReadLink(string path, out string target)
    {
        target = "";
        return -Errno.ENOSYS;
    }

    public long Access(string path, int mode) => -Errno.ENOSYS;
    public long CreateDirectory(string path, uint mode) => -Errno.ENOSYS;
    public long RemoveDirectory(string path) => -Errno.ENOSYS;
    public long Unlink(string path) => -Errno.ENOSYS;
    public long Rename(string from, string to) => -Errno.ENOSYS;
    public long CreateSymlink(string target, string path) => -Errno.ENOSYS;
    public long CreateHardLink(string existing, string path) => -Errno.ENOSYS;
    public long SetMode(string path, uint mode) => -Errno.ENOSYS;
    public long SetTimes(string path, Timespec? access, Timespec? modify) => -Errno.ENOSYS;
}
