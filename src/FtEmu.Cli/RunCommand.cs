using FtEmu.Linux;
using FtEmu.Replay;
using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary><c>ftemu run</c>: loads a guest program and runs it live (optionally recording); the exit status is the guest's.</summary>
internal static class RunCommand
{
    public static int Execute(RunSettings s)
    {
        using var loggerFactory = Logging.Create(s.LogLevel);
        var logger = loggerFactory.CreateLogger("ftemu");
        try
        {
            if (s.Role != FtRole.None) return LockstepCommand.Execute(s, logger);
            if (s.Program == null) throw new LoadException("run needs a program");
            var launch = GuestLauncher.Prepare(s.Program, s.Arguments, s.Root);
            launch = launch with { Options = launch.Options with { Engine = Cpu.CpuEngineOptions.Default with { Engine = s.Engine } } };
            var strace = s.Strace ? new StreamWriter(Console.OpenStandardError()) { AutoFlush = true } : null;
            using var host = new LiveHost();
            if (s.RecordPath != null) return Record(s, launch, host, logger, strace);
            using var process = new LinuxProcess(launch.Options, host, logger) { Strace = strace };
            process.Start();
            // A developer aid: FTEMU_JIT_PROFILE=1 prints which instructions compiled blocks still hand to
            // the interpreter (counting per block, so it compiles single blocks); =stats only the totals;
            // =exits the totals and where regions most often go back to the run loop.
            string? profile = Environment.GetEnvironmentVariable("FTEMU_JIT_PROFILE");
            process.Cpu.Jit.Profiling = profile == "1";
            process.Cpu.Jit.ProfilingExits = profile == "exits";
            process.Run();
            if (profile is "1" or "stats" or "exits") PrintJitProfile(process.Cpu);
            return Report(process.TerminatingSignal, process.ExitCode, process.Cpu.Rip);
        }
        catch (LoadException e)
        {
            Console.Error.WriteLine($"ftemu: {e.Message}");
            return 126;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"ftemu: {e.Message}");
            return 74;
        }
    }

    private static int Record(RunSettings s, GuestLauncher.Launch launch, LiveHost host, ILogger logger, TextWriter? strace)
    {
        using var file = new FileStream(s.RecordPath!, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var r = RecordSession.Run(launch.Options, launch.HostPath, file, host, s.EmbedImage, s.CheckpointInterval, logger, strace);
        logger.LogInformation("recorded {Instructions} instructions, {Events} events, {Bytes} bytes to {Path}", r.Instructions, r.Events, r.StoredBytes, s.RecordPath);
        return Report(r.TerminatingSignal, r.ExitCode, r.Rip);
    }

    private static void PrintJitProfile(Cpu.Cpu cpu)
    {
        var jit = cpu.Jit;
        Console.Error.WriteLine($"jit: {cpu.InstructionCount} instructions, {jit.BlocksCompiled} regions compiled " +
            $"({jit.RegionBlocksCompiled} blocks, {jit.OpsCompiled} ops, {jit.OpsFallback} handler calls), {cpu.Blocks.BlocksDecoded} blocks decoded, {jit.Failures} failed translations {jit.LastFailure}");
        Console.Error.WriteLine($"jit: {jit.RegionRuns} region runs, {jit.InterpretedRuns} interpreted block runs, {jit.MissRecompiles} regions compiled again to resume TLB misses");
        Console.Error.WriteLine($"jit: {jit.IlBytesCompiled >> 10} KB of IL emitted");
        var gc = GC.GetGCMemoryInfo();
        Console.Error.WriteLine($"jit: managed heap {GC.GetTotalMemory(false) >> 10} KB (live {GC.GetTotalMemory(true) >> 10} KB), GC committed {gc.TotalCommittedBytes >> 10} KB, " +
            $"JIT-compiled IL {System.Runtime.JitInfo.GetCompiledILBytes() >> 10} KB in {System.Runtime.JitInfo.GetCompiledMethodCount()} methods");
        if (jit.ProfilingExits)
            foreach (var (head, next, runs) in jit.ExitProfile().Take(30)) Console.Error.WriteLine($"jit: {runs,12} region 0x{head:x} -> 0x{next:x}");
        if (!jit.Profiling) return;
        Console.Error.WriteLine($"jit: {jit.CompiledOpRuns} instructions in compiled blocks (upper bound), {jit.CompiledBlockRuns} compiled block runs");
        foreach (var (code, runs) in jit.FallbackProfile().Take(30)) Console.Error.WriteLine($"jit: {runs,12} {code}");
    }

    /// <summary>Prints the one-line notice for a guest killed by a signal and returns the exit status.</summary>
    internal static int Report(int signal, int exitCode, ulong rip)
    {
        if (signal != 0)
            Console.Error.WriteLine($"ftemu: guest terminated by signal {SignalNames.Name(signal)} at rip=0x{rip:x}");
        return exitCode;
    }
}
