using Xunit;
using System.Text;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>Identity, limits, signals, time and the strace formatting driven by the table's signature letters.</summary>
public class MiscSyscallTests
{
    [Fact]
    public void UnameIsFixedLinuxX86_64()
    {
        using var h = new SysHarness();
        ulong u = h.Alloc(390);
        Assert.Equal(0, h.Call("uname", u));
        Assert.Equal("Linux\0"u8.ToArray(), h.Bytes(u, 6));
        Assert.Equal("x86_64\0"u8.ToArray(), h.Bytes(u + 65 * 4, 7));
    }

    [Fact]
    public void RlimitsAreDeterministic()
    {
        using var h = new SysHarness();
        ulong r = h.Alloc(16);
        Assert.Equal(0, h.Call("prlimit64", 0, 3, 0, r));
        Assert.Equal(8L << 20, h.I64(r));
        Assert.Equal(-1L, h.I64(r + 8));
        Assert.Equal(0, h.Call("getrlimit", 7, r));
        Assert.Equal(1024, h.I64(r));
        h.Process.Memory.TryWriteU64(r, 100);
        h.Process.Memory.TryWriteU64(r + 8, 1024);
        Assert.Equal(0, h.Call("setrlimit", 7, r));
        Assert.Equal(0, h.Call("getrlimit", 7, r));
        Assert.Equal(100, h.I64(r));
        Assert.Equal(-Errno.EINVAL, h.Call("getrlimit", 99, r));
    }

    [Fact]
    public void SigactionValidates()
    {
        using var h = new SysHarness();
        ulong act = h.Alloc(32), old = h.Alloc(32);
        h.Process.Memory.TryWriteU64(act, 0x401000);
        h.Process.Memory.TryWriteU64(act + 8, SignalState.SA_SIGINFO | SignalState.SA_RESTORER);
        h.Process.Memory.TryWriteU64(act + 24, ulong.MaxValue);
        Assert.Equal(-Errno.EINVAL, h.Call("rt_sigaction", 10, act, 0, 4));
        Assert.Equal(-Errno.EINVAL, h.Call("rt_sigaction", 9, act, 0, 8));
        Assert.Equal(-Errno.EINVAL, h.Call("rt_sigaction", 19, act, 0, 8));
        Assert.Equal(-Errno.EINVAL, h.Call("rt_sigaction", 65, 0, old, 8));
        Assert.Equal(0, h.Call("rt_sigaction", 9, 0, old, 8));
        Assert.Equal(0, h.Call("rt_sigaction", 10, act, 0, 8));
        Assert.Equal(0, h.Call("rt_sigaction", 10, 0, old, 8));
        Assert.Equal(0x401000, h.I64(old));
        Assert.Equal(~((1L << 8) | (1L << 18)), h.I64(old + 24));

        ulong set = h.Alloc(8), oset = h.Alloc(8);
        h.Process.Memory.TryWriteU64(set, ulong.MaxValue);
        Assert.Equal(0, h.Call("rt_sigprocmask", 0, set, oset, 8));
        Assert.Equal(0, h.I64(oset));
        Assert.Equal(~((1UL << 8) | (1UL << 18)), h.Process.Signals.Blocked);
        Assert.Equal(-Errno.EINVAL, h.Call("rt_sigprocmask", 7, set, 0, 8));
    }

    [Fact]
    public void KillToSelfIsPending()
    {
        using var h = new SysHarness();
        long pid = h.Call("getpid");
        Assert.Equal(0, h.Call("kill", (ulong)pid, 10));
        Assert.Equal(SignalState.Bit(10), h.Process.Signals.Pending);
        Assert.Equal(-Errno.EINVAL, h.Call("kill", (ulong)pid, 99));
        Assert.Equal(-Errno.ESRCH, h.Call("tgkill", (ulong)pid + 1, (ulong)pid, 10));
    }

    [Fact]
    public void ClocksAndRandomness()
    {
        using var h = new SysHarness();
        ulong ts = h.Alloc(16);
        Assert.Equal(0, h.Call("clock_gettime", 1, ts));
        Assert.InRange(h.I64(ts + 8), 0, 999_999_999);
        Assert.Equal(-Errno.EINVAL, h.Call("clock_gettime", 10, ts));
        ulong buf = h.Alloc(32);
        Assert.Equal(32, h.Call("getrandom", buf, 32, 0));
        Assert.Equal(-Errno.EINVAL, h.Call("getrandom", buf, 32, 0x100));
        h.Process.Memory.TryWriteU64(ts, 0);
        h.Process.Memory.TryWriteU64(ts + 8, 1_000_000_000);
        Assert.Equal(-Errno.EINVAL, h.Call("nanosleep", ts, 0));
    }

    [Fact]
    public void PrctlName()
    {
        using var h = new SysHarness();
        ulong buf = h.Alloc(16);
        Assert.Equal(0, h.Call("prctl", 16, buf));
        Assert.Equal("guest\0"u8.ToArray(), h.Bytes(buf, 6));
        Assert.Equal(0, h.Call("prctl", 15, h.Str("a-very-long-thread-name")));
        Assert.Equal(0, h.Call("prctl", 16, buf));
        Assert.Equal("a-very-long-thr\0"u8.ToArray(), h.Bytes(buf, 16));
    }

    [Fact]
    public void StraceShowsNamesFlagsStringsAndErrors()
    {
        using var h = new SysHarness();
        var def = SyscallTable.Lookup(257)!;
        var args = new SyscallArgs(unchecked((ulong)LinuxConstants.AT_FDCWD), h.Str("/nonexistent/passwd"),
            (ulong)(LinuxConstants.O_RDONLY | LinuxConstants.O_CLOEXEC), 0, 0, 0);
        string call = SyscallFormatter.FormatCall(h.Process, def, args);
        long ret = def.Handler(h.Process, args);
        Assert.Equal("openat(AT_FDCWD, \"/nonexistent/passwd\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)",
            SyscallFormatter.FormatResult(h.Process, def, args, call, ret));

        File.WriteAllText(Path.Combine(h.Directory, "t"), "root:x:0:0:root:/root:/bin/bash\nmore");
        long fd = h.Call("open", h.Str(h.G("t")), 0);
        ulong buf = h.Alloc(64);
        var readDef = SyscallTable.Lookup(0)!;
        var rargs = new SyscallArgs((ulong)fd, buf, 4096, 0, 0, 0);
        call = SyscallFormatter.FormatCall(h.Process, readDef, rargs);
        ret = readDef.Handler(h.Process, rargs);
        Assert.Equal($"read({fd}, \"root:x:0:0:root:/root:/bin/bash\\n\"..., 4096) = 36", SyscallFormatter.FormatResult(h.Process, readDef, rargs, call, ret));

        var pipeDef = SyscallTable.Lookup(293)!;
        ulong fds = h.Alloc(8);
        var pargs = new SyscallArgs(fds, (ulong)LinuxConstants.O_CLOEXEC, 0, 0, 0, 0);
        call = SyscallFormatter.FormatCall(h.Process, pipeDef, pargs);
        ret = pipeDef.Handler(h.Process, pargs);
        Assert.Equal($"pipe2([{fd + 1}, {fd + 2}], O_RDONLY|O_CLOEXEC) = 0", SyscallFormatter.FormatResult(h.Process, pipeDef, pargs, call, ret));
    }

    [Fact]
    public void UnknownSyscallsHaveNames()
    {
        Assert.Equal("clone3", SyscallNames.Name(435));
        Assert.Equal("io_uring_setup", SyscallNames.Name(425));
        Assert.Equal("openat", SyscallNames.Name(257));
        Assert.Equal("syscall_499", SyscallNames.Name(499));
    }
}
