namespace FtEmu.Linux;

/// <summary>
/// An open file description (what Linux's struct file is): shared by every descriptor dup'ed
/// from it, with its own offset and status flags.
/// </summary>
public abstract class OpenFile
{
    /// <summary>Linux O_* status flags (access mode, O_APPEND, O_NONBLOCK, ...).</summary>
    public int Flags { get; set; }
    /// <summary>Guest path it was opened by, for /proc/self/fd, strace and snapshots.</summary>
    public string GuestPath { get; init; } = "";
    public long Offset { get; set; }
    public int References { get; set; }

    public bool CanRead => (Flags & 3) != LinuxConstants.O_WRONLY;
    public bool CanWrite => (Flags & 3) != LinuxConstants.O_RDONLY;

    public abstract long Read(LinuxProcess p, Span<byte> buffer, long offset);
    public abstract long Write(LinuxProcess p, ReadOnlySpan<byte> data, long offset);
    public abstract long GetStatus(LinuxProcess p, out FileStatus status);
    /// <summary>Readiness for poll(2) as Linux POLL* bits.</summary>
    public abstract long Poll(LinuxProcess p, int events, int timeoutMs);
    public virtual bool IsSeekable => false;
    public virtual bool IsDirectory => false;
    /// <summary>Releases host resources when the last descriptor closes.</summary>
    public virtual void Release(LinuxProcess p)
    {
    }
}

/// <summary>A file, directory or standard stream that lives on the host, reached through the boundary.</summary>
public sealed class HostFile : OpenFile
{
    public HostFile(long handle, string hostPath, bool seekable, bool directory)
    {
        Handle = handle;
        HostPath = hostPath;
        _seekable = seekable;
        _directory = directory;
    }

    private readonly bool _seekable;
    private readonly bool _directory;

    public long Handle { get; }
    public string HostPath { get; }
    public override bool IsSeekable => _seekable;
    public override bool IsDirectory => _directory;
    /// <summary>Directory listing taken at the first getdents64, as Linux's readdir position is an index into it.</summary>
    public DirectoryEntry[]? Listing { get; set; }

    public override long Read(LinuxProcess p, Span<byte> buffer, long offset)
    {
        if (_directory) return -Errno.EISDIR;
        return p.Host.Read(Handle, buffer, _seekable ? offset : -1);
    }

    public override long Write(LinuxProcess p, ReadOnlySpan<byte> data, long offset)
    {
        if (_directory) return -Errno.EISDIR;
        if (!_seekable) return p.Host.Write(Handle, data, -1);
        if ((Flags & LinuxConstants.O_APPEND) != 0)
        {
            // Appends go to the current end, and the file offset follows them there.
            long r = p.Host.GetStatus(Handle, out var st);
            if (r < 0) return r;
            Offset = offset = st.Size;
        }
        return p.Host.Write(Handle, data, offset);
    }

    public override long GetStatus(LinuxProcess p, out FileStatus status) => p.Host.GetStatus(Handle, out status);

    public override long Poll(LinuxProcess p, int events, int timeoutMs) =>
        _seekable || _directory ? events & (LinuxConstants.POLLIN | LinuxConstants.POLLOUT) : p.Host.Poll(Handle, events, timeoutMs);

    public override void Release(LinuxProcess p)
    {
        if (Handle > 2) p.Host.Close(Handle);
    }
}
