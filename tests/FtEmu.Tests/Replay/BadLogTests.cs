using System.Buffers.Binary;
using FtEmu.Replay;
using Xunit;

namespace FtEmu.Tests.Replay;

/// <summary>
/// Damaged recordings: every flipped byte, truncation or version change gives a clear error or a
/// replay that stops and says so; never an unexpected exception, never a silently wrong replay.
/// </summary>
public class BadLogTests
{
    private static readonly Lazy<ReplayHarness.Recording> s_recording = new(() =>
        ReplayHarness.Record(GuestImages.Get("asm_hello", "asm"), Array.Empty<string>(), interval: 20_000));

    /// <summary>Replays and classifies: a LogFormatException or a non-verified outcome counts as detected.</summary>
    private static (bool Detected, string Message) Classify(byte[] log)
    {
        try
        {
            var (result, _) = ReplayHarness.Replay(log);
            return (result.Outcome != ReplaySession.Outcome.Verified, result.Message);
        }
        catch (LogFormatException e)
        {
            return (true, e.Message);
        }
    }

    [Fact]
    public void FlippedBytesAreDetected()
    {
        var original = s_recording.Value.Log;
        var rng = new Random(1234);
        int undetected = 0;
        for (int trial = 0; trial < 300; trial++)
        {
            var log = (byte[])original.Clone();
            int at = rng.Next(log.Length);
            log[at] ^= (byte)(1 << rng.Next(8));
            var (detected, message) = Classify(log);
            Assert.False(string.IsNullOrWhiteSpace(message));
            if (!detected) undetected++;
        }
        Assert.Equal(0, undetected);
    }

    [Fact]
    public void TruncatedRecordingsReplayUpToTheCutAndSaySo()
    {
        var original = s_recording.Value.Log;
        var rng = new Random(99);
        for (int trial = 0; trial < 100; trial++)
        {
            int length = rng.Next(original.Length);
            var (detected, message) = Classify(original[..length]);
            Assert.True(detected, $"truncation at {length} of {original.Length} went unnoticed");
            Assert.Matches("incomplete|truncated|not an FtEmu recording|cut short", message);
        }
    }

    [Fact]
    public void AnotherFormatVersionIsRefusedByName()
    {
        var log = (byte[])s_recording.Value.Log.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(log.AsSpan(8), 99);
        var e = Assert.Throws<LogFormatException>(() => ReplayHarness.Replay(log));
        Assert.Contains("version 99", e.Message);
    }

    [Fact]
    public void ARecordingOfAnotherProgramBuildIsRefused()
    {
        string copy = Path.Combine(Path.GetTempPath(), $"ftemu-build-{Environment.ProcessId}");
        File.Copy(GuestImages.Get("asm_hello", "asm"), copy, overwrite: true);
        try
        {
            var rec = ReplayHarness.Record(copy, Array.Empty<string>(), embed: false);
            var bytes = File.ReadAllBytes(copy);
            bytes[^1] ^= 0xFF;
            File.WriteAllBytes(copy, bytes);
            var e = Assert.Throws<LogFormatException>(() => ReplayHarness.Replay(rec.Log));
            Assert.Contains("not the program build", e.Message);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
