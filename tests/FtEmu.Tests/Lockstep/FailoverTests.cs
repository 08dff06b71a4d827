using System.Net.Sockets;

namespace FtEmu.Tests.Lockstep;

/// <summary>
/// Fault injection with real processes on loopback: kill -9 the primary or the secondary, cut the
/// link with both alive, and check that the guest's output survives with nothing lost.
/// </summary>
[Collection(LockstepCollection.Name)]
public class FailoverTests
{
    private const int Lines = 100;
    private static string Counter => GuestImages.Get("counter", "musl");

    private sealed class Pair : IDisposable
    {
        public readonly string Dir = Directory.CreateTempSubdirectory("ftemu-ft-").FullName;
        public readonly int Port = FtemuChild.FreePort();
        public string TieBreaker => Path.Combine(Dir, "tiebreaker");
        public string Status => Path.Combine(Dir, "status.json");
        public FtemuChild? Primary;
        public FtemuChild? Secondary;

        public void StartPrimary(params string[] extra) =>
            Primary = new FtemuChild(["run", "--primary", "--listen", $"127.0.0.1:{Port}", "--tiebreaker", TieBreaker,
                "--status-file", Status, .. extra, Counter, Lines.ToString(), "20"]);

        public FtemuChild StartSecondary(int? port = null, params string[] extra) =>
            Secondary = new FtemuChild(["run", "--secondary", "--peer", $"127.0.0.1:{port ?? Port}", "--tiebreaker", TieBreaker, .. extra]);

        public void Dispose()
        {
            foreach (var p in new[] { Primary, Secondary })
            {
                try
                {
                    p?.Kill();
                }
                catch (InvalidOperationException)
                {
                }
                p?.Dispose();
            }
            Directory.Delete(Dir, recursive: true);
        }
    }

    private static int[] Numbers(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l["line ".Length..])).ToArray();

    /// <summary>The primary printed 1..k, the takeover printed j..Lines with j ≤ k+1: no line lost; returns how many repeated.</summary>
    private static int AssertNothingLost(string first, string second)
    {
        var a = Numbers(first);
        var b = Numbers(second);
        Assert.Equal(Enumerable.Range(1, a.Length), a);
        if (a.Length == Lines) return b.Length == 0 ? 0 : b.Length;
        Assert.NotEmpty(b);
        Assert.Equal(Enumerable.Range(b[0], Lines - b[0] + 1), b);
        Assert.True(b[0] <= a.Length + 1, $"lines {a.Length + 1}..{b[0] - 1} were lost");
        return a.Length + 1 - b[0];
    }

    [Fact]
    public void KillingThePrimaryLosesNoOutput()
    {
        var rng = new Random(2026);
        int repeatedTotal = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            using var pair = new Pair();
            pair.StartPrimary();
            pair.StartSecondary();
            Assert.True(FtemuChild.WaitForState(pair.Status, "Running"), pair.Primary!.Stderr);
            Thread.Sleep(rng.Next(0, 900));
            pair.Primary!.Kill();
            pair.Primary.Wait();
            int status = pair.Secondary!.Wait();
            Assert.True(status == 0, $"trial {trial}: secondary exited {status}\n{pair.Secondary.Stderr}");
            int repeated = AssertNothingLost(pair.Primary.Stdout, pair.Secondary.Stdout);
            // Only an output in flight at the crash (performed, its done-mark not yet received) may repeat.
            Assert.True(repeated <= 1, $"trial {trial}: {repeated} lines repeated");
            repeatedTotal += repeated;
        }
    }

    [Fact]
    public void KillingThePrimaryWhileItWritesAFileLeavesTheFileWhole()
    {
        var rng = new Random(11);
        for (int trial = 0; trial < 3; trial++)
        {
            using var pair = new Pair();
            string file = Path.Combine(pair.Dir, "records.txt");
            pair.Primary = new FtemuChild("run", "--primary", "--listen", $"127.0.0.1:{pair.Port}", "--tiebreaker", pair.TieBreaker,
                "--status-file", pair.Status, GuestImages.Get("filewriter", "musl"), file, "150", "10");
            pair.StartSecondary();
            Assert.True(FtemuChild.WaitForState(pair.Status, "Running"), pair.Primary.Stderr);
            Thread.Sleep(rng.Next(200, 900));
            pair.Primary.Kill();
            pair.Primary.Wait();
            Assert.Equal(0, pair.Secondary!.Wait());
            Assert.Equal("wrote 150 records\n", pair.Secondary.Stdout);
            // A write in flight may be performed twice, but at the same offset: the file is exactly right.
            var expected = string.Concat(Enumerable.Range(1, 150).Select(i => $"record {i:D4}\n"));
            Assert.Equal(expected, File.ReadAllText(file));
        }
    }

    [Fact]
    public void KillingTheSecondaryLeavesThePrimaryRunningAndANewSecondaryCanJoin()
    {
        using var pair = new Pair();
        pair.StartPrimary();
        pair.StartSecondary();
        Assert.True(FtemuChild.WaitForState(pair.Status, "Running"), pair.Primary!.Stderr);
        Thread.Sleep(200);
        pair.Secondary!.Kill();
        Assert.True(FtemuChild.WaitForState(pair.Status, "NeedsSecondary", 2000), pair.Primary.Stderr);
        var second = new FtemuChild("run", "--secondary", "--peer", $"127.0.0.1:{pair.Port}", "--tiebreaker", pair.TieBreaker);
        try
        {
            Assert.True(FtemuChild.WaitForState(pair.Status, "Running", 5000), pair.Primary.Stderr + second.Stderr);
            Assert.Equal(0, pair.Primary.Wait());
            Assert.Equal(0, second.Wait());
            Assert.Equal(Enumerable.Range(1, Lines), Numbers(pair.Primary.Stdout));
            Assert.Equal("", second.Stdout);
        }
        finally
        {
            second.Dispose();
        }
    }

    [Fact]
    public void CuttingTheLinkLetsExactlyOneSideGoOn()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < 4; trial++)
        {
            using var pair = new Pair();
            pair.StartPrimary();
            using var proxy = new LinkProxy(pair.Port);
            pair.StartSecondary(proxy.Port);
            Assert.True(FtemuChild.WaitForState(pair.Status, "Running"), pair.Primary!.Stderr);
            Thread.Sleep(rng.Next(100, 700));
            proxy.Cut();
            int p = pair.Primary.Wait(), s = pair.Secondary!.Wait();
            Assert.True((p == 0 && s == 75) || (p == 75 && s == 0), $"trial {trial}: primary {p}, secondary {s}\n{pair.Primary.Stderr}\n{pair.Secondary.Stderr}");
            AssertNothingLost(pair.Primary.Stdout, pair.Secondary.Stdout);
        }
    }
}
