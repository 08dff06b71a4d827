using FtEmu.Replay;
using Xunit;

namespace FtEmu.Tests.Replay;

/// <summary>Record, then replay: output, exit status, every checkpoint and the final hash must match.</summary>
public class RoundTripTests
{
    public static TheoryData<string, string> Guests()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in GuestImages.AsmNames()) data.Add(name, "asm");
        foreach (var name in GuestImages.CNames())
            foreach (var flavor in new[] { "musl", "glibc", "pie" })
                data.Add(name, flavor);
        return data;
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void ReplayReproducesTheRecordedRun(string name, string flavor)
    {
        string program = GuestImages.Get(name, flavor);
        string dir = Directory.CreateTempSubdirectory("ftemu-roundtrip-").FullName;
        ReplayHarness.Recording rec;
        try
        {
            rec = ReplayHarness.Record(program, new[] { "alpha", "beta" }, "some input\n"u8.ToArray(), interval: 100_000, cwd: dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        var (result, output) = ReplayHarness.Replay(rec.Log);
        Assert.True(result.Outcome == ReplaySession.Outcome.Verified, result.Message);
        Assert.Equal(rec.Summary.FinalHash, result.FinalHash);
        Assert.Equal(rec.Summary.Instructions, result.Instructions);
        Assert.Equal(rec.Live.ExitCode, output.ExitCode);
        Assert.Equal(rec.Live.Stdout, output.Stdout);
        Assert.Equal(rec.Live.Stderr, output.Stderr);
        Assert.True(result.CheckpointsVerified >= (int)(rec.Summary.Instructions / 100_000) - 1);
    }

    [Fact]
    public void EachRecordingOfANondeterministicGuestReplaysItsOwnRun()
    {
        string program = GuestImages.Get("nondet", "musl");
        var first = ReplayHarness.Record(program, Array.Empty<string>(), "first\n"u8.ToArray());
        var second = ReplayHarness.Record(program, Array.Empty<string>(), "second\n"u8.ToArray());
        Assert.NotEqual(first.Live.StdoutText, second.Live.StdoutText);
        foreach (var rec in new[] { first, second })
        {
            var (result, output) = ReplayHarness.Replay(rec.Log);
            Assert.True(result.Outcome == ReplaySession.Outcome.Verified, result.Message);
            Assert.Equal(rec.Live.StdoutText, output.StdoutText);
            Assert.Equal(rec.Live.ExitCode, output.ExitCode);
        }
    }

    [Fact]
    public void InfoDescribesTheRecording()
    {
        var rec = ReplayHarness.Record(GuestImages.Get("asm_hello", "asm"), Array.Empty<string>(), interval: 50_000);
        var info = LogInfo.Read(new MemoryStream(rec.Log), "test.ftlog");
        Assert.True(info.Complete);
        Assert.Equal(rec.Summary.Instructions, info.Instructions);
        Assert.Equal(rec.Summary.FinalHash, info.FinalHash);
        Assert.Equal(7, info.ExitCode);
        Assert.Equal(1, info.Counts[EventKind.Write]);
        Assert.Equal((long)(rec.Summary.Instructions / 50_000), info.Counts[EventKind.Checkpoint]);
        Assert.Contains("complete:            yes", info.Format());
    }
}
