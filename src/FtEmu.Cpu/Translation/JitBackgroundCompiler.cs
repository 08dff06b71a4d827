using System.Collections.Concurrent;

namespace FtEmu.Cpu;

/// <summary>
/// One thread for the process that translates regions and has .NET compile them, while the CPU
/// threads keep interpreting. A finished translation waits in its cache's queue until the CPU
/// thread installs it between blocks; so timing decides only when compiled code takes over a
/// block, never what the guest computes (both engines compute the same state at every count).
/// </summary>
internal static class JitBackgroundCompiler
{
    private static readonly BlockingCollection<(JitCache Cache, Block Head, JitRegion Region)> s_requests = new();
    private static readonly Lazy<Thread> s_thread = new(Start);

    public static void Enqueue(JitCache cache, Block head, JitRegion region)
    {
        _ = s_thread.Value;
        s_requests.Add((cache, head, region));
    }

    private static Thread Start()
    {
        var t = new Thread(Work) { IsBackground = true, Name = "ftemu-jit" };
        t.Start();
        return t;
    }

    private static void Work()
    {
        foreach (var (cache, head, region) in s_requests.GetConsumingEnumerable())
        {
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
