using FtEmu.DiffTest;
using Xunit;

namespace FtEmu.Tests;

/// <summary>
/// Each C guest in guest-images/src, built against glibc and musl at -O2 and -O3 and as static-pie,
/// behaves as it does natively; a guest whose output depends on the CPU vendor (an
/// expected/NAME.intel.txt beside it) is compared with Intel's output on other vendors' hosts (see <see cref="HostCpu"/>).
/// </summary>
public class GuestProgramTests
{
    public static TheoryData<string, string, string> Guests()
    {
        var data = new TheoryData<string, string, string>();
        // nondet prints the clock, random bytes and its pid: different on every run by design (the replay tests use it).
        foreach (var name in GuestImages.CNames().Where(n => n != "nondet"))
            foreach (var flavor in new[] { "glibc", "musl", "glibc-O3", "musl-O3", "pie" })
                foreach (var engine in TestEngines.Names)
                    data.Add(name, flavor, engine);
        return data;
    }

    [Theory]
    [MemberData(nameof(Guests))]
    public void RunsLikeNative(string name, string flavor, string engine)
    {
        string program = GuestImages.Get(name, flavor);
        // A directory of its own: guests that create files must not meet another test's files.
        string dir = Directory.CreateTempSubdirectory("ftemu-guest-").FullName;
        try
        {
            // A guest whose output depends on the CPU vendor (FtEmu's follows Intel's) is compared with the
            // output recorded on an Intel host when this host is another vendor's.
            string intel = Path.Combine(GuestImages.RepoRoot, "guest-images", "expected", name + ".intel.txt");
            byte[]? expected = !HostCpu.IsIntel && File.Exists(intel) ? File.ReadAllBytes(intel) : null;
            GuestRunner.AssertSameAsNative(program, new[] { "alpha", "beta" }, cwd: dir, engine: TestEngines.ByName(engine), expectedStdout: expected);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
