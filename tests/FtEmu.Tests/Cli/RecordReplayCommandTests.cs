using Xunit;

namespace FtEmu.Tests.Cli;

/// <summary><c>ftemu run --record</c>, <c>ftemu replay</c>, <c>ftemu info</c> and the lockstep options, as a user meets them.</summary>
public sealed class RecordReplayCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ftemu-cli-rr-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertOneLine(GuestResult r, string mention)
    {
        Assert.NotEqual(0, r.ExitCode);
        string err = r.StderrText.TrimEnd('\n');
        Assert.DoesNotContain("   at ", err);
        Assert.DoesNotContain('\n', err);
        Assert.StartsWith("ftemu: ", err);
        Assert.Contains(mention, err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void RecordThenReplayShowsTheSameOutputAndStatus()
    {
        string log = Path.Combine(_dir, "hello.ftlog");
        string program = GuestImages.Get("hello", "musl");
        var live = FtEmuProcess.Run(["run", "--record", log, program, "x"]);
        Assert.Equal(3, live.ExitCode);
        var replay = FtEmuProcess.Run(["replay", log]);
        Assert.Equal(3, replay.ExitCode);
        Assert.Equal(live.StdoutText, replay.StdoutText);
        Assert.Contains("replay verified", replay.StderrText);
        var quiet = FtEmuProcess.Run(["replay", "--quiet", log]);
        Assert.Equal("", quiet.StdoutText);
        var info = FtEmuProcess.Run(["info", log]);
        Assert.Equal(0, info.ExitCode);
        Assert.Contains("complete:            yes", info.StdoutText);
        Assert.Contains("exit status:         3", info.StdoutText);
    }

    [Fact]
    public void ReplayOfGarbageOrMissingFilesIsOneLine()
    {
        string junk = Path.Combine(_dir, "junk.ftlog");
        File.WriteAllText(junk, "this is not a recording at all, just some text");
        AssertOneLine(FtEmuProcess.Run(["replay", junk]), "not an FtEmu recording");
        AssertOneLine(FtEmuProcess.Run(["info", junk]), "not an FtEmu recording");
        AssertOneLine(FtEmuProcess.Run(["replay", Path.Combine(_dir, "missing.ftlog")]), "missing.ftlog");
    }

    [Fact]
    public void LockstepOptionsAreCheckedBeforeAnythingRuns()
    {
        string program = GuestImages.Get("hello", "musl");
        AssertOneLine(FtEmuProcess.Run(["run", "--primary", program]), "--listen");
        AssertOneLine(FtEmuProcess.Run(["run", "--secondary", "--peer", "127.0.0.1:1", program]), "takes no program");
        AssertOneLine(FtEmuProcess.Run(["run", "--secondary"]), "--peer");
        // Without a key, FtEmu refuses to use anything but loopback, before sending a single packet.
        AssertOneLine(FtEmuProcess.Run(["run", "--primary", "--listen", "192.0.2.1:7000", program]), "loopback");
        AssertOneLine(FtEmuProcess.Run(["run", "--secondary", "--peer", "192.0.2.1:7000"]), "loopback");
        string shortKey = Path.Combine(_dir, "short.key");
        File.WriteAllText(shortKey, "tiny");
        AssertOneLine(FtEmuProcess.Run(["run", "--secondary", "--peer", "127.0.0.1:1", "--key-file", shortKey]), "16 bytes");
    }
}
