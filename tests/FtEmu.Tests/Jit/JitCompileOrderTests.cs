using FtEmu.Cpu;

namespace FtEmu.Tests.Jit;

/// <summary>
/// The background compiler takes the waiting region whose head ran most since it was asked for,
/// not the oldest: at start-up dozens wait at once, and the hot loop must not wait behind them.
/// Order decides only when compiled code takes over (the background test in JitRegionTests checks
/// that the state is the interpreter's either way).
/// </summary>
public class JitCompileOrderTests
{
    private static Block Head(ulong ip, int hits) => new(ip, Array.Empty<DecodedOp>(), ip + 1) { Hits = hits };

    private static JitBackgroundCompiler.Request Waiting(Block head) =>
        new(null!, head, null!, JitBackgroundCompiler.Heat(head));

    [Fact]
    public void TheHeadThatRanMostSinceItWasQueuedGoesFirst()
    {
        var early = Head(0x1000, 3000);
        var hot = Head(0x2000, 3000);
        var warm = Head(0x3000, 3000);
        var queue = new List<JitBackgroundCompiler.Request> { Waiting(early), Waiting(hot), Waiting(warm) };
        early.Hits += 10;
        hot.Hits += 5000;
        warm.Hits += 400;
        Assert.Equal(1, JitBackgroundCompiler.Hottest(queue));
        queue.RemoveAt(1);
        Assert.Equal(1, JitBackgroundCompiler.Hottest(queue)); // warm, then early
    }

    [Fact]
    public void GainCountsNotTotals()
    {
        // A head that was already far past the threshold when it was queued (its count goes on while a
        // translation is pending) gains nothing by that alone.
        var old = Head(0x1000, 90_000);
        var fresh = Head(0x2000, 3000);
        var queue = new List<JitBackgroundCompiler.Request> { Waiting(old), Waiting(fresh) };
        old.Hits += 1;
        fresh.Hits += 2;
        Assert.Equal(1, JitBackgroundCompiler.Hottest(queue));
    }

    [Fact]
    public void EqualsGoInArrivalOrder()
    {
        var a = Head(0x1000, 3000);
        var b = Head(0x2000, 3000);
        var queue = new List<JitBackgroundCompiler.Request> { Waiting(a), Waiting(b) };
        Assert.Equal(0, JitBackgroundCompiler.Hottest(queue));
    }
}
