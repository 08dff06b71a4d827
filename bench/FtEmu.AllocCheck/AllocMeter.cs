using System.Diagnostics;
using FtEmu.Linux;

namespace FtEmu.AllocCheck;

/// <summary>What one measured run found.</summary>
internal sealed record AllocReport(
    string Program, int ExitCode, string GuestStdout,
    ulong Instructions, long Bytes, int Gen0Collections,
    ulong SteadyInstructions, long SteadyBytes, TimeSpan Elapsed)
{
    /// <summary>Steady state allows well under one byte per thousand instructions (a few syscalls' worth).</summary>
    public const double Limit = 0.001;

    public double BytesPerInstruction => Instructions == 0 ? 0 : (double)Bytes / Instructions;
    public double SteadyBytesPerInstruction => SteadyInstructions == 0 ? 0 : (double)SteadyBytes / SteadyInstructions;
    public bool Passed => SteadyInstructions > 0 && SteadyBytesPerInstruction < Limit;

    /// <summary>Why there is no verdict when the guest stopped early (for example on an unimplemented instruction).</summary>
    private string Note => SteadyInstructions > 0 ? "" : " (no steady state: the guest stopped during warm-up)";

    public string ToText() =>
        $"""
        guest:                 {Program} (exit {ExitCode})
        guest stdout:          {GuestStdout.TrimEnd()}
        whole run:             {Elapsed.TotalSeconds:F2} s, {Instructions / Math.Max(Elapsed.TotalSeconds, 1e-9) / 1e6:F1} M instructions/s
        allocation:            {Instructions:N0} instructions, {Bytes:N0} bytes allocated ({BytesPerInstruction:F6} bytes/instruction, {Gen0Collections} gen0 GCs)
        steady state:          {SteadyInstructions:N0} instructions after warm-up, {SteadyBytes:N0} bytes allocated ({SteadyBytesPerInstruction:F6} bytes/instruction)
        verdict:               {(Passed ? "PASS" : "FAIL")} (limit {Limit} bytes/instruction in steady state){Note}
        """;
}

/// <summary>Runs a guest under the interpreter in slices and reads the thread's allocation counter around them.</summary>
internal static class AllocMeter
{
    private const ulong WarmUp = 20_000_000;
    private const ulong Slice = 10_000_000;

    public static AllocReport Measure(string program, string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        using var host = new LiveHost(new MemoryStream(), stdout, stderr);
        var options = new ProcessOptions
        {
            Image = File.ReadAllBytes(program),
            ExecPath = Path.GetFullPath(program),
            Argv = [program, .. args],
            Envp = ["PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=/tmp"],
            WorkingDirectory = Directory.GetCurrentDirectory(),
        };
        using var process = new LinuxProcess(options, host);

        int gcBefore = GC.CollectionCount(0);
        long start = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        process.Start();
        // Warm-up: JIT tiering, block decoding and the first syscalls allocate; that is not per instruction.
        bool halted = process.Run(WarmUp);
        ulong steadyInstructions = 0;
        long steadyBytes = 0;
        while (!halted)
        {
            ulong before = process.Cpu.InstructionCount;
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            halted = process.Run(before + Slice);
            // The slice in which the guest exits also prints its result; count only full slices.
            if (halted) break;
            steadyBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            steadyInstructions += process.Cpu.InstructionCount - before;
        }
        long total = GC.GetAllocatedBytesForCurrentThread() - start;
        return new AllocReport(program, process.ExitCode, System.Text.Encoding.UTF8.GetString(stdout.ToArray()),
            process.Cpu.InstructionCount, total, GC.CollectionCount(0) - gcBefore, steadyInstructions, steadyBytes, clock.Elapsed);
    }

    /// <summary>Builds bench/guests/NAME.S (no libc) or NAME.c (gcc -static -O2) into bench/out when needed; returns its path.</summary>
    public static string BuildGuest(string name)
    {
        string bench = FindBenchDirectory();
        string asm = Path.Combine(bench, "guests", name + ".S");
        bool isAsm = File.Exists(asm);
        string src = isAsm ? asm : Path.Combine(bench, "guests", name + ".c");
        string dst = Path.Combine(bench, "out", name);
        if (File.Exists(dst) && File.GetLastWriteTimeUtc(dst) >= File.GetLastWriteTimeUtc(src)) return dst;
        Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
        var psi = new ProcessStartInfo("gcc");
        string[] flags = isAsm ? ["-nostdlib", "-static", "-no-pie", "-o", dst, src] : ["-static", "-O2", "-fno-pie", "-no-pie", "-o", dst, src, "-lm"];
        foreach (var f in flags) psi.ArgumentList.Add(f);
        using var gcc = Process.Start(psi)!;
        gcc.WaitForExit();
        if (gcc.ExitCode != 0) throw new InvalidOperationException("gcc failed to build " + src);
        return dst;
    }

    private static string FindBenchDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "FtEmu.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("cannot find FtEmu.sln"), "bench");
    }
}
