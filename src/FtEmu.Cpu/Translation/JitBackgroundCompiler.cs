namespace FtEmu.Cpu;

/// <summary>
/// One thread for the process that translates regions and has .NET compile them, while the CPU
/// threads keep interpreting. A finished translation waits in its cache's queue until the CPU
/// thread installs it between blocks; so timing decides only when compiled code takes over a
/// block, never what the guest computes (both engines compute the same state at every count).
/// </summary>
internal static class JitBackgroundCompiler
{
    /// <summary>A region waiting to be compiled, with how hot its head was when it was asked for.</summary>
    internal sealed record Request(JitCache Cache, Block Head, JitRegion Region, long HeatAtEnqueue);

    private static readonly List<Request> s_requests = new();
    private static readonly Lazy<Thread> s_thread = new(Start);

    public static void Enqueue(JitCache cache, Block head, JitRegion region)
    {
        _ = s_thread.Value;
        lock (s_requests)
        {
            s_requests.Add(new Request(cache, head, region, Heat(head)));
            Monitor.Pulse(s_requests);
        }
    }

    /// <summary>
    /// Runs of a head so far: interpreted ones, and a quarter of its compiled region's (a region that is
    /// compiled again already runs fast, so waiting costs it less). Read from another thread than the
    /// one that counts, so a stale value only changes the order of compilation.
    /// </summary>
    internal static long Heat(Block head) => head.Hits + (head.Region?.Runs ?? 0) / 4;

    /// <summary>
    /// The request whose head ran most while it waited: at start-up dozens of regions wait at once
    /// (up to 56 in busybox gzip), and in arrival order the hot loop could wait behind all of them,
    /// interpreted meanwhile (5 times as many interpreted block runs as when compiling at once).
    /// </summary>
    private static Request Take()
    {
        lock (s_requests)
        {
            while (s_requests.Count == 0) Monitor.Wait(s_requests);
            int best = Hottest(s_requests);
            var r = s_requests[best];
            s_requests.RemoveAt(best);
            return r;
        }
    }

    /// <summary>Index of the request whose head gained most heat since it was asked for; the earliest of equals.</summary>
    internal static int Hottest(IReadOnlyList<Request> requests)
    {
        int best = 0;
        long bestGain = long.MinValue;
        for (int i = 0; i < requests.Count; i++)
        {
            long gain = Heat(requests[i].Head) - requests[i].HeatAtEnqueue;
            if (gain > bestGain) (best, bestGain) = (i, gain);
        }
        return best;
    }

    private static Thread Start()
    {
        var t = new Thread(Work) { IsBackground = true, Name = "ftemu-jit" };
        t.Start();
        return t;
    }

    private static void Work()
    {
        while (true)
        {
            var (cache, head, region, _) = Take();
            JitTranslation? done = null;
            try
            {
                done = JitCompiler.Translate(head, region); // compiles to native code here, not on the CPU thread
            }
            catch (Exception e) when (e is InvalidOperationException or NotSupportedException or ArgumentException or InvalidProgramException)
            {
                cache.Failed(e); // the blocks stay interpreted
            }
            if (done != null) cache.Finished(done);
            CollectCompilerGarbage();
        }
    }

    // Emitting a region leaves garbage several times the size of its IL (the emitter's tables, the
    // IL stream's growth), and the gen0 budget on a large-cache host is tens of MB: without a
    // collection now and then, that garbage alone grew bzip2's peak RSS by 7 MB.
    private const long GarbageBudget = 2 << 20;
    private static long s_allocatedAtCollect;

    private static void CollectCompilerGarbage()
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        if (allocated - s_allocatedAtCollect < GarbageBudget) return;
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        s_allocatedAtCollect = allocated;
    }
}
