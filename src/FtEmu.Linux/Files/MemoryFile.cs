namespace FtEmu.Linux;

/// <summary>
/// A read-only file whose bytes the Linux layer generates when it is opened, such as
/// /proc/self/maps: the guest sees its own emulated process, never the host's.
/// </summary>
public sealed class MemoryFile : OpenFile
{
    private readonly byte[] _content;

    public MemoryFile(byte[] content) => _content = content;

    public override bool IsSeekable => true;

    public override long Read(LinuxProcess p, Span<byte> buffer, long offset)
    {
        if (offset >= _content.Length) return 0;
        int n = (int)Math.Min(buffer.Length, _content.Length - offset);
        _content.AsSpan((int)offset, n).CopyTo(buffer);
        return n;
    }

    public override long Write(LinuxProcess p, ReadOnlySpan<byte> data, long offset) => -Errno.EBADF;

    /// <summary>As procfs does, the size reads as 0 and the length is only known by reading.</summary>
    public override long GetStatus(LinuxProcess p, out FileStatus status)
    {
        var id = p.Host.GetIdentity();
        status = new FileStatus(0x16, 0x1000, FileTypes.S_IFREG | 0x124, 1, id.EffectiveUid, id.EffectiveGid, 0, 0, 1024, 0, default, default, default);
        return 0;
    }

    public override long Poll(LinuxProcess p, int events, int timeoutMs) => events & (LinuxConstants.POLLIN | LinuxConstants.POLLOUT);
}
