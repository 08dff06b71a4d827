using Xunit;
using System.Buffers.Binary;
using System.Text;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>linux_dirent64 records from getdents64: layout, d_off, buffer limits, and the listing of a real directory.</summary>
public class DirentTests
{
    private static readonly DirectoryEntry[] s_listing =
    {
        new(".", 10, FileTypes.DT_DIR), new("..", 2, FileTypes.DT_DIR), new("a", 11, FileTypes.DT_REG),
        new("longer-name.txt", 12, FileTypes.DT_LNK),
    };

    [Fact]
    public void RecordsAreAlignedAndChained()
    {
        var buf = new byte[4096];
        int used = Sys.EncodeDirents(s_listing, 0, buf, out int next);
        Assert.Equal(4, next);
        // reclen = align8(19 + name + NUL): ".": 24, "..": 24, "a": 24, "longer-name.txt" (15): 40.
        Assert.Equal(24 + 24 + 24 + 40, used);
        int off = 0;
        for (int i = 0; i < s_listing.Length; i++)
        {
            ulong ino = BinaryPrimitives.ReadUInt64LittleEndian(buf.AsSpan(off));
            long dOff = BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(off + 8));
            int reclen = BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(off + 16));
            Assert.Equal(s_listing[i].Inode, ino);
            Assert.Equal(i + 1, dOff);
            Assert.Equal(0, reclen % 8);
            Assert.Equal(s_listing[i].Type, buf[off + 18]);
            int nul = Array.IndexOf(buf, (byte)0, off + 19);
            Assert.Equal(s_listing[i].Name, Encoding.UTF8.GetString(buf, off + 19, nul - off - 19));
            off += reclen;
        }
    }

    [Fact]
    public void StopsWhenTheBufferIsFullAndResumes()
    {
        var buf = new byte[60];
        Assert.Equal(48, Sys.EncodeDirents(s_listing, 0, buf, out int next));
        Assert.Equal(2, next);
        Assert.Equal(24, Sys.EncodeDirents(s_listing, next, buf, out next));
        Assert.Equal(3, next);
        Assert.Equal(-Errno.EINVAL, Sys.EncodeDirents(s_listing, next, buf.AsSpan(0, 39), out _));
        Assert.Equal(40, Sys.EncodeDirents(s_listing, next, buf, out next));
        Assert.Equal(0, Sys.EncodeDirents(s_listing, next, buf, out _));
    }

    [Fact]
    public void Getdents64ListsDotEntriesFirstThenTheDirectory()
    {
        using var h = new SysHarness();
        File.WriteAllText(Path.Combine(h.Directory, "f1"), "1");
        Directory.CreateDirectory(Path.Combine(h.Directory, "sub"));
        File.CreateSymbolicLink(Path.Combine(h.Directory, "ln"), "f1");
        long fd = h.Call("openat", SysHarness.N(LinuxConstants.AT_FDCWD), h.Str(h.Directory), (ulong)(LinuxConstants.O_DIRECTORY | LinuxConstants.O_CLOEXEC));
        Assert.True(fd >= 0, $"open {fd}");
        ulong buf = h.Alloc(4096);
        var names = new List<(string, byte)>();
        long n;
        // A small buffer forces several calls.
        while ((n = h.Call("getdents64", (ulong)fd, buf, 48)) > 0)
        {
            var bytes = h.Bytes(buf, (int)n);
            for (int off = 0; off < n;)
            {
                int reclen = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(off + 16));
                int nul = Array.IndexOf(bytes, (byte)0, off + 19);
                names.Add((Encoding.UTF8.GetString(bytes, off + 19, nul - off - 19), bytes[off + 18]));
                off += reclen;
            }
        }
        Assert.Equal(0, n);
        Assert.Equal((".", FileTypes.DT_DIR), names[0]);
        Assert.Equal(("..", FileTypes.DT_DIR), names[1]);
        Assert.Equal(new[] { ("f1", FileTypes.DT_REG), ("ln", FileTypes.DT_LNK), ("sub", FileTypes.DT_DIR) },
            names.Skip(2).OrderBy(e => e.Item1, StringComparer.Ordinal).ToArray());
        // Rewinding starts over.
        Assert.Equal(0, h.Call("lseek", (ulong)fd, 0, 0));
        Assert.True(h.Call("getdents64", (ulong)fd, buf, 4096) > 0);
        long file = h.Call("openat", SysHarness.N(LinuxConstants.AT_FDCWD), h.Str(Path.Combine(h.Directory, "f1")), 0);
        Assert.Equal(-Errno.ENOTDIR, h.Call("getdents64", (ulong)file, buf, 4096));
    }
}
