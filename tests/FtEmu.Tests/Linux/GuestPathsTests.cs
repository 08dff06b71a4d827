using Xunit;
using FtEmu.Linux;

namespace FtEmu.Tests.Linux;

/// <summary>Path resolution under --root: "..", absolute and relative symlinks, loops, and no way out of the root.</summary>
public class GuestPathsTests
{
    private static SysHarness Build()
    {
        var h = new SysHarness(useRoot: true);
        string d = h.Directory;
        Directory.CreateDirectory(Path.Combine(d, "a/b"));
        Directory.CreateDirectory(Path.Combine(d, "etc"));
        File.WriteAllText(Path.Combine(d, "a/b/file"), "x");
        File.CreateSymbolicLink(Path.Combine(d, "abs"), "/a");
        File.CreateSymbolicLink(Path.Combine(d, "a/rel"), "b/file");
        File.CreateSymbolicLink(Path.Combine(d, "a/up"), "../../../..");
        File.CreateSymbolicLink(Path.Combine(d, "passwd"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(d, "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(d, "loop2"), "/loop1");
        return h;
    }

    private static string Resolve(SysHarness h, string path, bool follow = true)
    {
        long r = h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, path, follow, out var host);
        Assert.Equal(0, r);
        return host;
    }

    [Fact]
    public void DotDotStopsAtTheRoot()
    {
        using var h = Build();
        Assert.Equal(h.Directory + "/a/b", Resolve(h, "/a/../a/./b"));
        Assert.Equal(h.Directory + "/etc", Resolve(h, "/../../../etc"));
        Assert.Equal(h.Directory + "/", Resolve(h, "/.."));
    }

    [Fact]
    public void AbsoluteSymlinksResolveInsideTheRoot()
    {
        using var h = Build();
        Assert.Equal(h.Directory + "/a/b/file", Resolve(h, "/abs/b/file"));
        Assert.Equal(h.Directory + "/etc/passwd", Resolve(h, "/passwd"));
    }

    [Fact]
    public void RelativeSymlinksResolveFromTheirDirectory()
    {
        using var h = Build();
        Assert.Equal(h.Directory + "/a/b/file", Resolve(h, "/a/rel"));
        Assert.Equal(h.Directory + "/a/rel", Resolve(h, "/a/rel", follow: false));
    }

    [Fact]
    public void SymlinksCannotEscapeTheRoot()
    {
        using var h = Build();
        Assert.Equal(h.Directory + "/etc", Resolve(h, "/a/up/etc"));
        Assert.Equal(h.Directory + "/a", Resolve(h, "/a/up/a"));
    }

    [Fact]
    public void RelativePathsUseTheWorkingDirectory()
    {
        using var h = Build();
        h.Process.Cwd = "/a";
        Assert.Equal(h.Directory + "/a/b/file", Resolve(h, "b/file"));
        Assert.Equal(h.Directory + "/etc", Resolve(h, "../etc"));
    }

    [Fact]
    public void SymlinkLoopsAreEloop()
    {
        using var h = Build();
        Assert.Equal(-Errno.ELOOP, h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, "/loop1", true, out _));
        Assert.Equal(-Errno.ELOOP, h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, "/loop1/x", false, out _));
        // Not following the last component does not touch the loop.
        Assert.Equal(0, h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, "/loop1", false, out _));
        Assert.Equal(-Errno.ELOOP, h.Call("openat", SysHarness.N(LinuxConstants.AT_FDCWD), h.Str("/loop1"), 0));
    }

    [Fact]
    public void MissingOrNonDirectoryComponents()
    {
        using var h = Build();
        Assert.Equal(-Errno.ENOENT, h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, "/nope/x", true, out _));
        Assert.Equal(-Errno.ENOTDIR, h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, "/a/b/file/x", true, out _));
        Assert.Equal(-Errno.ENOENT, h.Process.Paths.Resolve(LinuxConstants.AT_FDCWD, "", true, out _));
    }

    [Fact]
    public void ChdirThroughSymlinkReportsThePhysicalPath()
    {
        using var h = Build();
        Assert.Equal(0, h.Call("chdir", h.Str("/abs/b")));
        ulong buf = h.Alloc(256);
        Assert.Equal(5, h.Call("getcwd", buf, 256));
        Assert.Equal("/a/b\0", System.Text.Encoding.UTF8.GetString(h.Bytes(buf, 5)));
        Assert.Equal(-Errno.ERANGE, h.Call("getcwd", buf, 3));
        Assert.Equal(-Errno.ENOTDIR, h.Call("chdir", h.Str("/a/b/file")));
    }

    [Theory]
    [InlineData("/x/../y", "/a", "/y")]
    [InlineData("y/./z/", "/a", "/a/y/z")]
    [InlineData("../../..", "/a/b", "/")]
    [InlineData("//a//b", "/", "/a/b")]
    public void NormalizeIsLexical(string path, string cwd, string expected) => Assert.Equal(expected, GuestPaths.Normalize(cwd, path));
}
