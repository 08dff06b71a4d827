using FtEmu.Linux;

namespace FtEmu.Tests.Lockstep;

/// <summary>A snapshot of a running process restores to the same state hash and runs on identically.</summary>
public class SnapshotTests
{
    private static LinuxProcess Create(string program, IHostBoundary host, string[] args) => new(GuestRunner.Options(program, args), host);

    [Theory]
    [InlineData("hello")]
    [InlineData("counter")]
    [InlineData("isa_sse_arith")]
    public void RestoredProcessHashesAndContinuesLikeTheOriginal(string name)
    {
        string program = GuestImages.Get(name, "musl");
        var outA = new MemoryStream();
        var outB = new MemoryStream();
        using var hostA = new LiveHost(new MemoryStream(), outA, new MemoryStream());
        using var hostB = new LiveHost(new MemoryStream(), outB, new MemoryStream());
        using var original = Create(program, hostA, ["50", "0"]);
        original.Start();
        original.Run(20_000);
        Assert.False(original.Exited);
        byte[] snapshot = ProcessSnapshot.Capture(original);
        var hash = original.StateHash();

        using var copy = Create(program, hostB, ["50", "0"]);
        ProcessSnapshot.Restore(copy, snapshot);
        Assert.Equal(hash, copy.StateHash());

        original.Run();
        copy.Run();
        Assert.Equal(original.ExitCode, copy.ExitCode);
        Assert.Equal(original.Cpu.InstructionCount, copy.Cpu.InstructionCount);
        // The copy produced exactly the output the original produced after the snapshot point.
        Assert.EndsWith(System.Text.Encoding.UTF8.GetString(outB.ToArray()), System.Text.Encoding.UTF8.GetString(outA.ToArray()));
    }
}
