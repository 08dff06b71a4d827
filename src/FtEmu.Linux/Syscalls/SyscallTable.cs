namespace FtEmu.Linux;

/// <summary>
/// The syscalls FtEmu implements, one row each: number, name, handler, strace signature.
/// Anything else returns -ENOSYS and is logged once. Handlers live in Sys*.cs by family.
/// </summary>
public static class SyscallTable
{
    public const int RtSigreturn = 15;

    private static readonly SyscallDef[] s_rows =
    {
        new(0, "read", Sys.Read, "dbu"),
        new(1, "write", Sys.Write, "dBu"),
        new(9, "mmap", Sys.Mmap, "xxxxdx"),
        new(10, "mprotect", Sys.Mprotect, "xxx"),
        new(11, "munmap", Sys.Munmap, "xx"),
        new(12, "brk", Sys.Brk, "x"),
        new(15, "rt_sigreturn", Sys.RtSigreturn, ""),
        new(25, "mremap", Sys.Mremap, "xxxxx"),
        new(28, "madvise", Sys.Madvise, "xxd"),
        new(60, "exit", Sys.Exit, "d"),
        new(158, "arch_prctl", Sys.ArchPrctl, "xx"),
        new(218, "set_tid_address", Sys.SetTidAddress, "p"),
        new(231, "exit_group", Sys.ExitGroup, "d"),
        new(273, "set_robust_list", Sys.SetRobustList, "pu"),
        new(334, "rseq", Sys.Rseq, "puxx"),
    };

    private static readonly SyscallDef?[] s_byNumber = BuildIndex();

    private static SyscallDef?[] BuildIndex()
    {
        var index = new SyscallDef?[512];
        foreach (var row in s_rows)
        {
            if (index[row.Number] != null) throw new InvalidOperationException($"syscall {row.Number} listed twice");
            index[row.Number] = row;
        }
        return index;
    }

    public static SyscallDef? Lookup(ulong number) => number < (ulong)s_byNumber.Length ? s_byNumber[number] : null;

    public static IReadOnlyList<SyscallDef> Rows => s_rows;
}
