namespace FtEmu.Linux;

/// <summary>Names of x86-64 syscalls FtEmu does not implement, for the ENOSYS log line and strace.</summary>
public static class SyscallNames
{
    private static readonly Dictionary<ulong, string> s_unimplemented = new()
    {
        [56] = "clone", [57] = "fork", [58] = "vfork", [59] = "execve", [61] = "wait4", [41] = "socket",
        [42] = "connect", [43] = "accept", [49] = "bind", [50] = "listen", [435] = "clone3",
    };

    public static string Name(ulong number) =>
        SyscallTable.Lookup(number)?.Name ?? (s_unimplemented.TryGetValue(number, out var n) ? n : $"syscall_{number}");
}
