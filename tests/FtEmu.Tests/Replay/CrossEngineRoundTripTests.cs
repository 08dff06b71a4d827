using FtEmu.Replay;

namespace FtEmu.Tests.Replay;

/// <summary>
/// The engine is not part of the model: a run recorded with one engine replays with the other,
/// with identical state hashes at every checkpoint (a small interval, so that many are compared).
/// </summary>
public class CrossEngineRoundTripTests
{
    private const ulong Interval = 50_000;

    public static TheoryData<string, string, string> Guests()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (name, flavor) in RoundTripTests.Guests().Select(row => ((string)row[0], (string)row[1])))
        {
            data.Add(name, flavor, "jit>interp");
            // The other direction for the cheap guests (no libc start-up, or musl's short one).
            if (flavor is "asm" or "musl") data.Add(name, flavor, "interp>jit");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void RecordingReplaysWithTheOtherEngine(string name, string flavor, string direction)
    {
        var engines = direction.Split('>');
        string program = GuestImages.Get(name, flavor);
        string dir = Directory.CreateTempSubdirectory("ftemu-xengine-").FullName;
        ReplayHarness.Recording rec;
        try
        {
            rec = ReplayHarness.Record(program, new[] { "alpha", "beta" }, "some input\n"u8.ToArray(), interval: Interval, cwd: dir,
                engine: TestEngines.ByName(engines[0]));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        var (result, output) = ReplayHarness.Replay(rec.Log, TestEngines.ByName(engines[1]));
        Assert.True(result.Outcome == ReplaySession.Outcome.Verified, result.Message);
        Assert.Equal(rec.Summary.FinalHash, result.FinalHash);
        Assert.Equal(rec.Summary.Instructions, result.Instructions);
        Assert.Equal(rec.Live.ExitCode, output.ExitCode);
        Assert.Equal(rec.Live.Stdout, output.Stdout);
        Assert.Equal(rec.Live.Stderr, output.Stderr);
        Assert.True(result.CheckpointsVerified >= (int)(rec.Summary.Instructions / Interval) - 1);
    }
}
