using FtEmu.Replay;
using Xunit;

namespace FtEmu.Tests.Replay;

/// <summary>Debian's busybox applets, recorded and replayed: same output, status and hashes.</summary>
public class BusyboxRoundTripTests
{
    private const string Busybox = "/bin/busybox";

    private static byte[] Text()
    {
        var rng = new Random(7);
        var words = new[] { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta" };
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 400; i++)
            sb.Append(words[rng.Next(words.Length)]).Append(' ').Append(rng.Next(1000)).Append(' ').Append(rng.NextDouble().ToString("F4")).Append('\n');
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString());
    }

    public static TheoryData<string[]> Applets() => new()
    {
        new[] { "sort", "-k2,2n" },
        new[] { "sha256sum" },
        new[] { "md5sum" },
        new[] { "awk", "{ s += $3 } END { printf \"%.4f %d\\n\", s, NR }" },
        new[] { "sed", "-n", "s/alpha/ALPHA/gp" },
        new[] { "wc" },
        new[] { "gzip", "-c", "-n" },
        new[] { "sh", "-c", "i=0; while [ $i -lt 200 ]; do i=$((i+1)); done; echo $i; date +%s >/dev/null; echo done" },
    };

    [Theory]
    [MemberData(nameof(Applets))]
    public void AppletReplaysExactly(string[] args)
    {
        var rec = ReplayHarness.Record(Busybox, args, Text(), interval: 1_000_000, embed: false);
        var (result, output) = ReplayHarness.Replay(rec.Log);
        Assert.True(result.Outcome == ReplaySession.Outcome.Verified, result.Message);
        Assert.Equal(rec.Live.Stdout, output.Stdout);
        Assert.Equal(rec.Live.ExitCode, output.ExitCode);
        Assert.Equal(rec.Summary.FinalHash, result.FinalHash);
    }
}
