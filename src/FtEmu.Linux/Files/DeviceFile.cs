namespace FtEmu.Linux;

/// <summary>
/// Character devices the Linux layer provides itself, so they behave the same with or without --root
/// and on any host: /dev/null, /dev/zero, /dev/full and /dev/(u)random (whose bytes come from the boundary).
/// </summary>
public sealed class DeviceFile : OpenFile
{
    public enum Kind
    {
        Null,
        Zero,
        Full,
        Random,
    }

    public DeviceFile(Kind kind) => DeviceKind = kind;

    public Kind DeviceKind { get; }

    /// <summary>The device for a guest path, if it is one of ours.</summary>
    public static Kind? ForPath(string guestPath) => guestPath switch
    {
        "/dev/null" => Kind.Null,
        "/dev/zero" => Kind.Zero,
        "/dev/full" => Kind.Full,
        "/dev/random" or "/dev/urandom" => Kind.Random,
        _ => null,
    };

    /// <summary>stat of the device node: mode 0666 and the real Linux major/minor numbers.</summary>
    public static FileStatus StatusOf(Kind kind, ProcessIdentity id)
    {
        uint minor = kind switch { Kind.Null => 3, Kind.Zero => 5, Kind.Full => 7, _ => 9 };
        ulong rdev = (1UL << 8) | minor;
        return new FileStatus(5, 4 + minor, FileTypes.S_IFCHR | 0x1b6, 1, 0, 0, rdev, 0, 4096, 0, default, default, default);
    }

    public override long Read(LinuxProcess p, Span<byte> buffer, long offset)
    {
        switch (DeviceKind)
        {
            case Kind.Null:
                return 0;
            case Kind.Random:
                p.Host.GetRandomBytes(buffer);
                return buffer.Length;
            default:
                buffer.Clear();
                return buffer.Length;
        }
    }

    public override long Write(LinuxProcess p, ReadOnlySpan<byte> data, long offset) =>
        DeviceKind == Kind.Full ? -Errno.ENOSPC : data.Length;

    public override long GetStatus(LinuxProcess p, out FileStatus status)
    {
        status = StatusOf(DeviceKind, default);
        return 0;
    }

    public override long Poll(LinuxProcess p, int events, int timeoutMs) => events & (LinuxConstants.POLLIN | LinuxConstants.POLLOUT);
}
