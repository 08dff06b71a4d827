namespace FtEmu.Linux;

/// <summary>
/// A pipe emulated entirely inside the process: a bounded byte queue shared by a read end and a
/// write end. The guest is single-threaded, so a read of an empty pipe whose write end is still
/// open, or a write to a full pipe, could never complete: they return -EAGAIN (as with O_NONBLOCK)
/// instead of deadlocking.
/// </summary>
public sealed class PipeBuffer
{
    /// <summary>Linux's default pipe capacity.</summary>
    public const int Capacity = 65536;

    private readonly byte[] _data = new byte[Capacity];
    private int _start;

    public int Count { get; private set; }
    public int Readers { get; set; }
    public int Writers { get; set; }

    public int Read(Span<byte> dest)
    {
        int n = Math.Min(dest.Length, Count);
        for (int i = 0; i < n; i++) dest[i] = _data[(_start + i) % Capacity];
        _start = (_start + n) % Capacity;
        Count -= n;
        if (Count == 0) _start = 0;
        return n;
    }

    public int Write(ReadOnlySpan<byte> src)
    {
        int n = Math.Min(src.Length, Capacity - Count);
        for (int i = 0; i < n; i++) _data[(_start + Count + i) % Capacity] = src[i];
        Count += n;
        return n;
    }
}

/// <summary>One end of a <see cref="PipeBuffer"/>.</summary>
public sealed class PipeEnd : OpenFile
{
    public PipeEnd(PipeBuffer buffer, bool isWriteEnd, ulong inode)
    {
        Buffer = buffer;
        IsWriteEnd = isWriteEnd;
        Inode = inode;
        if (isWriteEnd) buffer.Writers++;
        else buffer.Readers++;
        Flags = isWriteEnd ? LinuxConstants.O_WRONLY : LinuxConstants.O_RDONLY;
    }

    public PipeBuffer Buffer { get; }
    public bool IsWriteEnd { get; }
    /// <summary>The pipe's number in the pipefs namespace, shared by both ends.</summary>
    public ulong Inode { get; }

    /// <summary>Creates a connected (read end, write end) pair.</summary>
    public static (PipeEnd Read, PipeEnd Write) CreatePair(ulong inode)
    {
        var buffer = new PipeBuffer();
        return (new PipeEnd(buffer, false, inode) { GuestPath = $"pipe:[{inode}]" }, new PipeEnd(buffer, true, inode) { GuestPath = $"pipe:[{inode}]" });
    }

    public override long Read(LinuxProcess p, Span<byte> buffer, long offset)
    {
        if (IsWriteEnd) return -Errno.EBADF;
        if (buffer.Length == 0) return 0;
        if (Buffer.Count > 0) return Buffer.Read(buffer);
        // End of file once every writer is gone; otherwise nothing could ever arrive.
        return Buffer.Writers == 0 ? 0 : -Errno.EAGAIN;
    }

    public override long Write(LinuxProcess p, ReadOnlySpan<byte> data, long offset)
    {
        if (!IsWriteEnd) return -Errno.EBADF;
        if (Buffer.Readers == 0)
        {
            p.Signals.Raise(p, 13); // SIGPIPE
            return -Errno.EPIPE;
        }
        if (data.Length == 0) return 0;
        int n = Buffer.Write(data);
        return n > 0 ? n : -Errno.EAGAIN;
    }

    public override long GetStatus(LinuxProcess p, out FileStatus status)
    {
        var id = p.Host.GetIdentity();
        status = new FileStatus(0xc, Inode, FileTypes.S_IFIFO | 0x180, 1, id.EffectiveUid, id.EffectiveGid, 0, 0, 4096, 0,
            default, default, default);
        return 0;
    }

    public override long Poll(LinuxProcess p, int events, int timeoutMs)
    {
        int ready = 0;
        if (IsWriteEnd)
        {
            if (Buffer.Readers == 0) ready |= LinuxConstants.POLLERR;
            else if (Buffer.Count < PipeBuffer.Capacity) ready |= events & LinuxConstants.POLLOUT;
        }
        else
        {
            if (Buffer.Count > 0) ready |= events & LinuxConstants.POLLIN;
            if (Buffer.Writers == 0) ready |= LinuxConstants.POLLHUP;
        }
        return ready;
    }

    public override void Release(LinuxProcess p)
    {
        if (IsWriteEnd) Buffer.Writers--;
        else Buffer.Readers--;
    }
}
