using FtEmu.Replay;
using Xunit;

namespace FtEmu.Tests.Replay;

/// <summary>Replay re-executes a run without repeating its effects on the world.</summary>
public class ExternalEffectTests
{
    [Fact]
    public void ReplayDoesNotTouchTheFileSystem()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"ftemu-effects-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        string kept = Path.Combine(dir, "ftemu-effects-b.tmp");
        try
        {
            string program = GuestImages.Get("replay_effects", "musl");
            var rec = ReplayHarness.Record(program, new[] { "keep" }, cwd: dir);
            Assert.Equal(0, rec.Live.ExitCode);
            Assert.True(File.Exists(kept), rec.Live.ToString());
            File.Delete(kept);

            var (result, output) = ReplayHarness.Replay(rec.Log);
            Assert.True(result.Outcome == ReplaySession.Outcome.Verified, result.Message);
            Assert.Equal(rec.Live.StdoutText, output.StdoutText);
            Assert.Empty(Directory.GetFileSystemEntries(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
