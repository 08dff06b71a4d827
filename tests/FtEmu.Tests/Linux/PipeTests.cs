using Xunit;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>In-process pipes: FIFO order, end of file, EAGAIN instead of a deadlock, EPIPE with SIGPIPE, poll, dup.</summary>
public class PipeTests
{
    private static (long R, long W) MakePipe(SysHarness h, int flags = 0)
    {
        ulong fds = h.Alloc(8);
        Assert.Equal(0, h.Call("pipe2", fds, (ulong)flags));
        return (h.I32(fds), h.I32(fds + 4));
    }

    [Fact]
    public void DataComesOutInOrderThenEndOfFile()
    {
        using var h = new SysHarness();
        var (r, w) = MakePipe(h);
        Assert.Equal((0L, 1L), (r, w)); // no standard streams in the harness
        Assert.Equal(5, h.Call("write", (ulong)w, h.Str("hello"), 5));
        Assert.Equal(6, h.Call("write", (ulong)w, h.Str(" world"), 6));
        ulong buf = h.Alloc(64);
        Assert.Equal(3, h.Call("read", (ulong)r, buf, 3));
        Assert.Equal("hel"u8.ToArray(), h.Bytes(buf, 3));
        Assert.Equal(8, h.Call("read", (ulong)r, buf, 64));
        Assert.Equal("lo world"u8.ToArray(), h.Bytes(buf, 8));
        // Empty with a writer: it would block forever in a single-threaded process.
        Assert.Equal(-Errno.EAGAIN, h.Call("read", (ulong)r, buf, 64));
        Assert.Equal(0, h.Call("close", (ulong)w));
        Assert.Equal(0, h.Call("read", (ulong)r, buf, 64));
    }

    [Fact]
    public void WriteWithoutReadersRaisesSigpipe()
    {
        using var h = new SysHarness();
        var (r, w) = MakePipe(h);
        Assert.Equal(0, h.Call("close", (ulong)r));
        Assert.Equal(-Errno.EPIPE, h.Call("write", (ulong)w, h.Str("x"), 1));
        Assert.NotEqual(0UL, h.Process.Signals.Pending & SignalState.Bit(13));
    }

    [Fact]
    public void DupKeepsTheWriteEndOpen()
    {
        using var h = new SysHarness();
        var (r, w) = MakePipe(h, LinuxConstants.O_CLOEXEC);
        long w2 = h.Call("dup", (ulong)w);
        Assert.Equal(2, w2);
        Assert.Equal(1, h.Call("fcntl", (ulong)w, 1)); // F_GETFD: FD_CLOEXEC
        Assert.Equal(0, h.Call("fcntl", (ulong)w2, 1));
        Assert.Equal(0, h.Call("close", (ulong)w));
        ulong buf = h.Alloc(8);
        Assert.Equal(-Errno.EAGAIN, h.Call("read", (ulong)r, buf, 8));
        Assert.Equal(10, h.Call("dup2", (ulong)w2, 10));
        Assert.Equal(0, h.Call("close", (ulong)w2));
        Assert.Equal(1, h.Call("write", (ulong)10, h.Str("z"), 1));
        Assert.Equal(0, h.Call("close", 10));
        Assert.Equal(1, h.Call("read", (ulong)r, buf, 8));
        Assert.Equal(0, h.Call("read", (ulong)r, buf, 8));
    }

    [Fact]
    public void PollReportsReadinessAndHangup()
    {
        using var h = new SysHarness();
        var (r, w) = MakePipe(h);
        ulong pfd = h.Alloc(16);
        void Set(int i, long fd, short events)
        {
            var b = new byte[8];
            BitConverter.TryWriteBytes(b.AsSpan(0), (int)fd);
            BitConverter.TryWriteBytes(b.AsSpan(4), events);
            h.Process.Memory.TryWrite(pfd + (ulong)(8 * i), b);
        }
        short Revents(int i) => BitConverter.ToInt16(h.Bytes(pfd + (ulong)(8 * i) + 6, 2));
        Set(0, r, LinuxConstants.POLLIN);
        Set(1, w, LinuxConstants.POLLOUT);
        Assert.Equal(1, h.Call("poll", pfd, 2, 0));
        Assert.Equal(0, Revents(0));
        Assert.Equal(LinuxConstants.POLLOUT, Revents(1));
        h.Call("write", (ulong)w, h.Str("abc"), 3);
        Assert.Equal(2, h.Call("poll", pfd, 2, 0));
        Assert.Equal(LinuxConstants.POLLIN, Revents(0));
        h.Call("close", (ulong)w);
        Set(1, 77, LinuxConstants.POLLIN);
        Assert.Equal(2, h.Call("poll", pfd, 2, 0));
        Assert.Equal(LinuxConstants.POLLIN | LinuxConstants.POLLHUP, Revents(0));
        Assert.Equal(LinuxConstants.POLLNVAL, Revents(1));
        ulong fionread = h.Alloc(4);
        Assert.Equal(0, h.Call("ioctl", (ulong)r, Sys.FIONREAD, fionread));
        Assert.Equal(3, h.I32(fionread));
        Assert.Equal(-Errno.ENOTTY, h.Call("ioctl", (ulong)r, Sys.TCGETS, fionread));
    }

    [Fact]
    public void PipeBufferWrapsAround()
    {
        var p = new PipeBuffer();
        var chunk = new byte[40000];
        var outBuf = new byte[40000];
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)(i * 7 + round);
            Assert.Equal(chunk.Length, p.Write(chunk));
            Assert.Equal(chunk.Length, p.Read(outBuf));
            Assert.Equal(chunk, outBuf);
        }
        Assert.Equal(PipeBuffer.Capacity, p.Write(new byte[PipeBuffer.Capacity + 10]));
        Assert.Equal(0, p.Write(new byte[1]));
    }
}
