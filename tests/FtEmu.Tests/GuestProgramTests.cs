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
            string intel = Path.Combine(GuestImages.RepoRoot, "guest-images", "expected", name + ".intel.txt");
            if (HostCpu.IsIntel || !File.Exists(intel))
            {
                GuestRunner.AssertSameAsNative(program, new[] { "alpha", "beta" }, cwd: dir, engine: TestEngines.ByName(engine));
                return;
            }
            // The guest's output depends on the CPU vendor, and FtEmu's follows Intel's: compare with
            // the output recorded on an Intel host, and the rest with this host.
            var native = GuestRunner.RunNative(program, new[] { "alpha", "beta" }, cwd: dir);
            var emulated = GuestRunner.RunEmulated(program, new[] { "alpha", "beta" }, cwd: dir, engine: TestEngines.ByName(engine));
            Assert.Equal(native.ExitCode, emulated.ExitCode);
            Assert.Equal(File.ReadAllText(intel), emulated.StdoutText);
            Assert.Equal(native.StderrText, emulated.StderrText);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
