using System.Diagnostics;
using System.Text;

namespace FtEmu.Tests.Cli;

/// <summary>Runs the built <c>ftemu</c> as a child process (<c>dotnet ftemu.dll ...</c>), as a user would.</summary>
internal static class FtEmuProcess
{
    public static string DllPath { get; } = typeof(FtEmu.Cli.FtEmuCommand).Assembly.Location;

    public static GuestResult Run(IEnumerable<string> args, string? cwd = null, IDictionary<string, string>? env = null, int timeoutMs = 120_000)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Path.GetTempPath(),
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env != null)
            foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"ftemu {string.Join(' ', args)} did not finish in {timeoutMs} ms");
        }
        Task.WaitAll(outTask, errTask);
        return new GuestResult(Encoding.UTF8.GetBytes(outTask.Result), Encoding.UTF8.GetBytes(errTask.Result), p.ExitCode);
    }
}
