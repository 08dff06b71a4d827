using Xunit;
using System.Buffers.Binary;
using System.Text;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>File syscalls against a real host directory through the live boundary, and the errno each failure maps to.</summary>
public class FileSyscallTests
{
    private const ulong AtCwd = unchecked((ulong)LinuxConstants.AT_FDCWD);

    private static long Open(SysHarness h, string name, int flags, uint mode = 0x1a4) =>
        h.Call("openat", AtCwd, h.Str(h.G(name)), (ulong)flags, mode);

    [Fact]
    public void CreateWriteSeekReadStat()
    {
        using var h = new SysHarness();
        long fd = Open(h, "f", LinuxConstants.O_CREAT | LinuxConstants.O_RDWR | LinuxConstants.O_TRUNC);
        Assert.True(fd >= 0);
        Assert.Equal(11, h.Call("write", (ulong)fd, h.Str("hello world"), 11));
        Assert.Equal(6, h.Call("lseek", (ulong)fd, 6, 0));
        ulong buf = h.Alloc(64);
        Assert.Equal(5, h.Call("read", (ulong)fd, buf, 64));
        Assert.Equal("world"u8.ToArray(), h.Bytes(buf, 5));
        Assert.Equal(0, h.Call("read", (ulong)fd, buf, 64));
        Assert.Equal(4, h.Call("pread64", (ulong)fd, buf, 4, 1));
        Assert.Equal("ello"u8.ToArray(), h.Bytes(buf, 4));
        Assert.Equal(11, h.Call("lseek", (ulong)fd, 0, 1));
        Assert.Equal(1, h.Call("pwrite64", (ulong)fd, h.Str("J"), 1, 0));
        Assert.Equal(15, h.Call("lseek", (ulong)fd, 4, 2));

        ulong st = h.Alloc(144);
        Assert.Equal(0, h.Call("fstat", (ulong)fd, st));
        Assert.Equal(11, h.I64(st + 48));
        Assert.Equal(FileTypes.S_IFREG | 0x1a4u & ~h.Process.Umask, (uint)h.I32(st + 24));
        Assert.Equal(0, h.Call("ftruncate", (ulong)fd, 3));
        Assert.Equal(0, h.Call("newfstatat", AtCwd, h.Str(h.G("f")), st, 0));
        Assert.Equal(3, h.I64(st + 48));
        Assert.Equal("Jel", File.ReadAllText(Path.Combine(h.Directory, "f")));

        ulong stx = h.Alloc(256);
        Assert.Equal(0, h.Call("statx", AtCwd, h.Str(h.G("f")), 0, 0x7ff, stx));
        Assert.Equal(3, h.I64(stx + 40));
        Assert.Equal(FileTypes.S_IFREG, (uint)BinaryPrimitives.ReadUInt16LittleEndian(h.Bytes(stx + 28, 2)) & FileTypes.S_IFMT);
        Assert.Equal(0, h.Call("close", (ulong)fd));
        Assert.Equal(-Errno.EBADF, h.Call("close", (ulong)fd));
    }

    [Fact]
    public void AppendWritesAtTheEnd()
    {
        using var h = new SysHarness();
        File.WriteAllText(Path.Combine(h.Directory, "log"), "abc");
        long fd = Open(h, "log", LinuxConstants.O_WRONLY | LinuxConstants.O_APPEND);
        Assert.Equal(2, h.Call("write", (ulong)fd, h.Str("de"), 2));
        Assert.Equal(5, h.Call("lseek", (ulong)fd, 0, 1));
        Assert.Equal("abcde", File.ReadAllText(Path.Combine(h.Directory, "log")));
        ulong buf = h.Alloc(8);
        Assert.Equal(-Errno.EBADF, h.Call("read", (ulong)fd, buf, 8));
    }

    [Fact]
    public void VectoredIo()
    {
        using var h = new SysHarness();
        long fd = Open(h, "v", LinuxConstants.O_CREAT | LinuxConstants.O_RDWR);
        ulong iov = h.Alloc(32);
        ulong a = h.Str("abc"), b = h.Str("defg");
        h.Process.Memory.TryWriteU64(iov, a);
        h.Process.Memory.TryWriteU64(iov + 8, 3);
        h.Process.Memory.TryWriteU64(iov + 16, b);
        h.Process.Memory.TryWriteU64(iov + 24, 4);
        Assert.Equal(7, h.Call("writev", (ulong)fd, iov, 2));
        Assert.Equal(7, h.Call("preadv", (ulong)fd, iov, 2, 0));
        Assert.Equal("abcdefg", File.ReadAllText(Path.Combine(h.Directory, "v")));
    }

    [Fact]
    public void ErrnoForCommonFailures()
    {
        using var h = new SysHarness();
        string d = h.Directory;
        Directory.CreateDirectory(Path.Combine(d, "dir/inner"));
        File.WriteAllText(Path.Combine(d, "file"), "x");
        File.CreateSymbolicLink(Path.Combine(d, "loop"), Path.Combine(d, "loop"));

        Assert.Equal(-Errno.ENOENT, Open(h, "missing", 0));
        Assert.Equal(-Errno.ENOENT, Open(h, "missing/x", LinuxConstants.O_CREAT | LinuxConstants.O_WRONLY));
        Assert.Equal(-Errno.ENOTDIR, Open(h, "file/x", 0));
        Assert.Equal(-Errno.ENOTDIR, Open(h, "file", LinuxConstants.O_DIRECTORY));
        Assert.Equal(-Errno.EISDIR, Open(h, "dir", LinuxConstants.O_WRONLY));
        Assert.Equal(-Errno.EEXIST, Open(h, "file", LinuxConstants.O_CREAT | LinuxConstants.O_EXCL | LinuxConstants.O_WRONLY));
        Assert.Equal(-Errno.ELOOP, Open(h, "loop", 0));
        Assert.Equal(-Errno.ELOOP, Open(h, "loop", LinuxConstants.O_NOFOLLOW));
        Assert.Equal(-Errno.EEXIST, h.Call("mkdir", h.Str(h.G("dir")), 0x1ed));
        Assert.Equal(-Errno.ENOTEMPTY, h.Call("rmdir", h.Str(h.G("dir"))));
        Assert.Equal(-Errno.ENOTDIR, h.Call("rmdir", h.Str(h.G("file"))));
        Assert.Equal(-Errno.EISDIR, h.Call("unlink", h.Str(h.G("dir"))));
        Assert.Equal(-Errno.ENOENT, h.Call("unlink", h.Str(h.G("missing"))));
        Assert.Equal(-Errno.EINVAL, h.Call("readlink", h.Str(h.G("file")), h.Alloc(64), 64));
        Assert.Equal(-Errno.ENOTEMPTY, h.Call("rename", h.Str(h.G("file")), h.Str(h.G("dir"))) is var r && r == -Errno.EISDIR ? -Errno.ENOTEMPTY : r);
        Assert.Equal(-Errno.ENOTDIR, h.Call("rename", h.Str(h.G("dir")), h.Str(h.G("file"))));
        Assert.Equal(-Errno.EEXIST, h.Call("symlink", h.Str("x"), h.Str(h.G("file"))));
        Assert.Equal(-Errno.EEXIST, h.Call("link", h.Str(h.G("file")), h.Str(h.G("dir"))));
        Assert.Equal(-Errno.ENOENT, h.Call("access", h.Str(h.G("missing")), 0));
        Assert.Equal(-Errno.EFAULT, h.Call("openat", AtCwd, 0x1234, 0));
        Assert.Equal(-Errno.EBADF, h.Call("openat", 55, h.Str("rel"), 0));
        Assert.Equal(-Errno.ESPIPE, h.Call("lseek", (ulong)OpenPipe(h), 0, 0));
    }

    private static long OpenPipe(SysHarness h)
    {
        ulong fds = h.Alloc(8);
        h.Call("pipe", fds);
        return h.I32(fds);
    }

    [Fact]
    public void RenameLinkSymlinkReadlink()
    {
        using var h = new SysHarness();
        File.WriteAllText(Path.Combine(h.Directory, "a"), "data");
        Assert.Equal(0, h.Call("rename", h.Str(h.G("a")), h.Str(h.G("b"))));
        Assert.False(File.Exists(Path.Combine(h.Directory, "a")));
        Assert.Equal(0, h.Call("link", h.Str(h.G("b")), h.Str(h.G("c"))));
        ulong st = h.Alloc(144);
        Assert.Equal(0, h.Call("stat", h.Str(h.G("c")), st));
        Assert.Equal(2, h.I64(st + 16)); // st_nlink
        Assert.Equal(0, h.Call("symlink", h.Str("b"), h.Str(h.G("s"))));
        ulong buf = h.Alloc(64);
        Assert.Equal(1, h.Call("readlink", h.Str(h.G("s")), buf, 64));
        Assert.Equal((byte)'b', h.Bytes(buf, 1)[0]);
        Assert.Equal(0, h.Call("lstat", h.Str(h.G("s")), st));
        Assert.Equal(FileTypes.S_IFLNK, (uint)h.I32(st + 24) & FileTypes.S_IFMT);
        Assert.Equal(0, h.Call("stat", h.Str(h.G("s")), st));
        Assert.Equal(4, h.I64(st + 48));
        Assert.Equal(0, h.Call("renameat2", AtCwd, h.Str(h.G("b")), AtCwd, h.Str(h.G("d")), 1));
        Assert.Equal(-Errno.EEXIST, h.Call("renameat2", AtCwd, h.Str(h.G("c")), AtCwd, h.Str(h.G("d")), 1));
        Assert.Equal(0, h.Call("unlinkat", AtCwd, h.Str(h.G("d")), 0));
        Assert.Equal(0, h.Call("mkdirat", AtCwd, h.Str(h.G("sub")), 0x1c0));
        Assert.Equal(0, h.Call("unlinkat", AtCwd, h.Str(h.G("sub")), (ulong)LinuxConstants.AT_REMOVEDIR));
        Assert.Equal(0, h.Call("chmod", h.Str(h.G("c")), 0x180));
        Assert.Equal(0, h.Call("stat", h.Str(h.G("c")), st));
        Assert.Equal(0x180u, (uint)h.I32(st + 24) & 0xfff);
    }

    [Fact]
    public void ProcSelfExeAndDevices()
    {
        using var h = new SysHarness();
        ulong buf = h.Alloc(64);
        Assert.Equal(10, h.Call("readlink", h.Str("/proc/self/exe"), buf, 64));
        Assert.Equal("/bin/guest", Encoding.UTF8.GetString(h.Bytes(buf, 10)));
        long zero = h.Call("open", h.Str("/dev/zero"), 0);
        h.Process.Memory.TryWrite(buf, new byte[] { 1, 2, 3, 4 });
        Assert.Equal(4, h.Call("read", (ulong)zero, buf, 4));
        Assert.Equal(new byte[4], h.Bytes(buf, 4));
        long nul = h.Call("open", h.Str("/dev/null"), (ulong)LinuxConstants.O_RDWR);
        Assert.Equal(0, h.Call("read", (ulong)nul, buf, 4));
        Assert.Equal(4, h.Call("write", (ulong)nul, buf, 4));
        ulong st = h.Alloc(144);
        Assert.Equal(0, h.Call("fstat", (ulong)nul, st));
        Assert.Equal(FileTypes.S_IFCHR, (uint)h.I32(st + 24) & FileTypes.S_IFMT);
        Assert.Equal(0x103L, h.I64(st + 40)); // rdev 1:3
        Assert.Equal(-Errno.ENOTTY, h.Call("ioctl", (ulong)nul, Sys.TCGETS, buf));
        long ur = h.Call("open", h.Str("/dev/urandom"), 0);
        Assert.Equal(16, h.Call("read", (ulong)ur, buf, 16));
    }

    [Fact]
    public void ErrnoOfUsesTheHostErrnoInIoExceptions()
    {
        Assert.Equal(-Errno.ENOTEMPTY, LiveHost.ErrnoOf(new IOException("x", Errno.ENOTEMPTY)));
        Assert.Equal(-Errno.ENOENT, LiveHost.ErrnoOf(new FileNotFoundException()));
        Assert.Equal(-Errno.ENOENT, LiveHost.ErrnoOf(new DirectoryNotFoundException()));
        Assert.Equal(-Errno.EACCES, LiveHost.ErrnoOf(new UnauthorizedAccessException()));
        Assert.Equal(-Errno.ENAMETOOLONG, LiveHost.ErrnoOf(new PathTooLongException()));
        Assert.Equal(-Errno.EIO, LiveHost.ErrnoOf(new IOException("no errno")));
    }
}
