namespace FtEmu.Linux;

/// <summary>
/// getrlimit/setrlimit state. The starting values are fixed (not the host's), so a guest sees the
/// same limits on every host: an 8 MiB stack, 1024 descriptors, no core dumps, the rest unlimited.
/// </summary>
public sealed class ResourceLimits
{
    public const int Count = 16;
    public const ulong Infinity = ulong.MaxValue;
    public const int RLIMIT_STACK = 3, RLIMIT_CORE = 4, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8,
        RLIMIT_SIGPENDING = 11, RLIMIT_MSGQUEUE = 12, RLIMIT_RTPRIO = 14;

    private readonly (ulong Soft, ulong Hard)[] _limits = new (ulong, ulong)[Count];

    public ResourceLimits()
    {
        for (int i = 0; i < Count; i++) _limits[i] = (Infinity, Infinity);
        _limits[RLIMIT_STACK] = (InitialStack.StackSize, Infinity);
        _limits[RLIMIT_CORE] = (0, Infinity);
        _limits[RLIMIT_NPROC] = (63_000, 63_000);
        _limits[RLIMIT_NOFILE] = (FileDescriptorTable.MaxDescriptors, FileDescriptorTable.MaxDescriptors);
        _limits[RLIMIT_MEMLOCK] = (8UL << 20, 8UL << 20);
        _limits[RLIMIT_SIGPENDING] = (63_000, 63_000);
        _limits[RLIMIT_MSGQUEUE] = (819_200, 819_200);
        _limits[13] = (0, 0); // RLIMIT_NICE
        _limits[RLIMIT_RTPRIO] = (0, 0);
    }

    /// <summary>Descriptor numbers must stay below this.</summary>
    public int OpenFiles => (int)Math.Min(_limits[RLIMIT_NOFILE].Soft, FileDescriptorTable.MaxDescriptors);

    public (ulong Soft, ulong Hard) Get(int resource) => _limits[resource];

    /// <summary>setrlimit's checks: soft ≤ hard, raising a hard limit needs privilege, descriptors are capped by the table.</summary>
    public long Set(int resource, ulong soft, ulong hard)
    {
        if (soft > hard) return -Errno.EINVAL;
        if (hard > _limits[resource].Hard) return -Errno.EPERM;
        if (resource == RLIMIT_NOFILE && hard > FileDescriptorTable.MaxDescriptors) return -Errno.EPERM;
        _limits[resource] = (soft, hard);
        return 0;
    }
}
