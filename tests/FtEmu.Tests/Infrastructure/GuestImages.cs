using System.Diagnostics;

namespace FtEmu.Tests;

/// <summary>Locates the repository and the guest programs built from guest-images/src (building them on first use).</summary>
public static class GuestImages
{
    private static readonly Lazy<string> s_built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Path of a built guest; flavor is glibc, musl, glibc-O3, musl-O3, pie or asm.</summary>
    public static string Get(string name, string flavor = "glibc")
    {
        string outDir = s_built.Value;
        string path = Path.Combine(outDir, flavor, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"guest {flavor}/{name} was not built (is musl-tools installed?)", path);
        return path;
    }

    /// <summary>Every C guest name in guest-images/src.</summary>
    public static IEnumerable<string> CNames() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "guest-images", "src"), "*.c").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    /// <summary>Every assembly guest in guest-images/src.</summary>
    public static IEnumerable<string> AsmNames() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "guest-images", "src"), "*.S").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    private static string Build()
    {
        string script = Path.Combine(RepoRoot, "guest-images", "build.sh");
        var psi = new ProcessStartInfo("bash", script) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"guest-images/build.sh failed:\n{err}");
        return Path.Combine(RepoRoot, "guest-images", "out");
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "FtEmu.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find FtEmu.sln above the test directory");
    }
}
