using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FtEmu.Microbench;

/// <summary>
/// Runs in this process (no generated project to build, which would also inherit the repository's
/// warnings-as-errors) with fewer iterations than the default: the numbers are per operation and
/// stable to a few percent, and the whole suite finishes in about two minutes.
/// </summary>
internal sealed class MicrobenchConfig : ManualConfig
{
    public MicrobenchConfig()
    {
        Add(DefaultConfig.Instance);
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(3)
            .WithIterationCount(8)
            .WithId("InProcess"));
        AddColumn(StatisticColumn.Median);
        WithOptions(ConfigOptions.DisableLogFile);
        ArtifactsPath = ResultsDirectory();
    }

    /// <summary>bench/out/microbench (ignored by git) wherever the command is run from.</summary>
    private static string ResultsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "FtEmu.sln"))) dir = dir.Parent;
        return dir == null ? Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts") : Path.Combine(dir.FullName, "bench", "out", "microbench");
    }
}
