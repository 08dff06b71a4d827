namespace FtEmu.Linux;

/// <summary>
/// The syscalls FtEmu implements, one row each: number, name, handler, strace signature.
/// Anything else returns -ENOSYS and is logged once. Handlers live in Sys*.cs by family.
/// Signature letters are described on <see cref="SyscallDef"/>.
/// </summary>
public static class SyscallTable
{
    public const int RtSigreturn = 15;

    private static readonly SyscallDef[] s_rows =
    {
        // File I/O
        new(0, "read", Sys.Read, "dbu"),
        new(1, "write", Sys.Write, "dBu"),
        new(2, "open", Sys.Open, "sfm"),
        new(3, "close", Sys.Close, "d"),
        new(4, "stat", Sys.Stat, "sp"),
        new(5, "fstat", Sys.Fstat, "dp"),
        new(6, "lstat", Sys.Lstat, "sp"),
        new(7, "poll", Sys.Poll, "pud"),
        new(8, "lseek", Sys.Lseek, "dlw"),
        new(16, "ioctl", Sys.Ioctl, "dix"),
        new(17, "pread64", Sys.Pread64, "dbul"),
        new(18, "pwrite64", Sys.Pwrite64, "dBul"),
        new(19, "readv", Sys.Readv, "dpu"),
        new(20, "writev", Sys.Writev, "dpu"),
        new(21, "access", Sys.Access, "sk"),
        new(22, "pipe", Sys.Pipe, "P"),
        new(23, "select", Sys.Select, "dpppp"),
        new(32, "dup", Sys.Dup, "d"),
        new(33, "dup2", Sys.Dup2, "dd"),
        new(40, "sendfile", Sys.Sendfile, "ddpu"),
        new(72, "fcntl", Sys.Fcntl, "dFx"),
        new(74, "fsync", Sys.Fsync, "d"),
        new(75, "fdatasync", Sys.Fsync, "d"),
        new(76, "truncate", Sys.Truncate, "sl"),
        new(77, "ftruncate", Sys.Ftruncate, "dl"),
        new(85, "creat", Sys.Creat, "sm"),
        new(257, "openat", Sys.Openat, "asfm"),
        new(262, "newfstatat", Sys.Newfstatat, "aspA"),
        new(270, "pselect6", Sys.Pselect6, "dppppp"),
        new(271, "ppoll", Sys.Ppoll, "pupxu"),
        new(292, "dup3", Sys.Dup3, "ddf"),
        new(293, "pipe2", Sys.Pipe2, "Pf"),
        new(295, "preadv", Sys.Preadv, "dpul"),
        new(296, "pwritev", Sys.Pwritev, "dpul"),
        new(332, "statx", Sys.Statx, "asAxp"),
        new(137, "statfs", Sys.Statfs, "sp"),
        new(138, "fstatfs", Sys.Fstatfs, "dp"),

        // Directories and names
        new(79, "getcwd", Sys.Getcwd, "bu"),
        new(80, "chdir", Sys.Chdir, "s"),
        new(81, "fchdir", Sys.Fchdir, "d"),
        new(82, "rename", Sys.Rename, "ss"),
        new(83, "mkdir", Sys.Mkdir, "sm"),
        new(84, "rmdir", Sys.Rmdir, "s"),
        new(86, "link", Sys.Link, "ss"),
        new(87, "unlink", Sys.Unlink, "s"),
        new(88, "symlink", Sys.Symlink, "ss"),
        new(89, "readlink", Sys.Readlink, "sbu"),
        new(90, "chmod", Sys.Chmod, "sm"),
        new(91, "fchmod", Sys.Fchmod, "dm"),
        new(92, "chown", Sys.Chown, "sdd"),
        new(93, "fchown", Sys.Fchown, "ddd"),
        new(94, "lchown", Sys.Lchown, "sdd"),
        new(95, "umask", Sys.Umask, "m"),
        new(217, "getdents64", Sys.Getdents64, "dpu"),
        new(258, "mkdirat", Sys.Mkdirat, "asm"),
        new(260, "fchownat", Sys.Fchownat, "asddA"),
        new(263, "unlinkat", Sys.Unlinkat, "asA"),
        new(264, "renameat", Sys.Renameat, "asas"),
        new(265, "linkat", Sys.Linkat, "asasA"),
        new(266, "symlinkat", Sys.Symlinkat, "sas"),
        new(267, "readlinkat", Sys.Readlinkat, "asbu"),
        new(268, "fchmodat", Sys.Fchmodat, "asm"),
        new(269, "faccessat", Sys.Faccessat, "ask"),
        new(280, "utimensat", Sys.Utimensat, "aspA"),
        new(316, "renameat2", Sys.Renameat2, "asasx"),
        new(439, "faccessat2", Sys.Faccessat2, "askA"),

        // Memory
        new(9, "mmap", Sys.Mmap, "pxMGdx"),
        new(10, "mprotect", Sys.Mprotect, "pxM"),
        new(11, "munmap", Sys.Munmap, "xx"),
        new(12, "brk", Sys.Brk, "x"),
        new(25, "mremap", Sys.Mremap, "xxxxx"),
        new(28, "madvise", Sys.Madvise, "xxd"),

        // Signals
        new(13, "rt_sigaction", Sys.RtSigaction, "Sppu"),
        new(14, "rt_sigprocmask", Sys.RtSigprocmask, "hppu"),
        new(15, "rt_sigreturn", Sys.RtSigreturn, ""),
        new(62, "kill", Sys.Kill, "dS"),
        new(34, "pause", Sys.Pause, ""),
        new(127, "rt_sigpending", Sys.RtSigpending, "pu"),
        new(128, "rt_sigtimedwait", Sys.RtSigtimedwait, "pppu"),
        new(130, "rt_sigsuspend", Sys.RtSigsuspend, "pu"),
        new(131, "sigaltstack", Sys.Sigaltstack, "pp"),
        new(200, "tkill", Sys.Tkill, "dS"),
        new(234, "tgkill", Sys.Tgkill, "ddS"),

        // Process, identity, limits
        new(24, "sched_yield", Sys.SchedYield, ""),
        new(39, "getpid", Sys.Getpid, ""),
        new(60, "exit", Sys.Exit, "d"),
        new(63, "uname", Sys.Uname, "p"),
        new(97, "getrlimit", Sys.Getrlimit, "rp"),
        new(98, "getrusage", Sys.Getrusage, "dp"),
        new(99, "sysinfo", Sys.Sysinfo, "p"),
        new(100, "times", Sys.Times, "p"),
        new(102, "getuid", Sys.Getuid, ""),
        new(104, "getgid", Sys.Getgid, ""),
        new(105, "setuid", Sys.SetUserIds, "d"),
        new(106, "setgid", Sys.SetGroupIds, "d"),
        new(107, "geteuid", Sys.Geteuid, ""),
        new(108, "getegid", Sys.Getegid, ""),
        new(109, "setpgid", Sys.Setpgid, "dd"),
        new(110, "getppid", Sys.Getppid, ""),
        new(111, "getpgrp", Sys.Getpgrp, ""),
        new(112, "setsid", Sys.Setsid, ""),
        new(113, "setreuid", Sys.SetUserIds, "dd"),
        new(114, "setregid", Sys.SetGroupIds, "dd"),
        new(115, "getgroups", Sys.Getgroups, "dp"),
        new(116, "setgroups", Sys.Setgroups, "dp"),
        new(117, "setresuid", Sys.SetUserIds, "ddd"),
        new(118, "getresuid", Sys.Getresuid, "ppp"),
        new(119, "setresgid", Sys.SetGroupIds, "ddd"),
        new(120, "getresgid", Sys.Getresgid, "ppp"),
        new(121, "getpgid", Sys.Getpgid, "d"),
        new(124, "getsid", Sys.Getsid, "d"),
        new(157, "prctl", Sys.Prctl, "dxxxx"),
        new(158, "arch_prctl", Sys.ArchPrctl, "Cx"),
        new(160, "setrlimit", Sys.Setrlimit, "rp"),
        new(186, "gettid", Sys.Gettid, ""),
        new(203, "sched_setaffinity", Sys.SchedSetaffinity, "dup"),
        new(204, "sched_getaffinity", Sys.SchedGetaffinity, "dup"),
        new(218, "set_tid_address", Sys.SetTidAddress, "p"),
        new(231, "exit_group", Sys.ExitGroup, "d"),
        new(202, "futex", Sys.Futex, "pxuppu"),
        new(273, "set_robust_list", Sys.SetRobustList, "pu"),
        new(302, "prlimit64", Sys.Prlimit64, "drpp"),
        new(334, "rseq", Sys.Rseq, "puxx"),

        // Time and randomness
        new(35, "nanosleep", Sys.Nanosleep, "pp"),
        new(37, "alarm", Sys.Alarm, "u"),
        new(96, "gettimeofday", Sys.Gettimeofday, "pp"),
        new(201, "time", Sys.Time, "p"),
        new(228, "clock_gettime", Sys.ClockGettime, "cp"),
        new(229, "clock_getres", Sys.ClockGetres, "cp"),
        new(230, "clock_nanosleep", Sys.ClockNanosleep, "cxpp"),
        new(318, "getrandom", Sys.Getrandom, "pux"),
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
