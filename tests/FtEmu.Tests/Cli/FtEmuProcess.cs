using System.Text;

namespace FtEmu.Tests.Cli;

/// <summary>Runs the built <c>ftemu</c> to completion as a child process, as a user would.</summary>
internal static class FtEmuProcess
{
    public static GuestResult Run(IEnumerable<string> args, string? cwd = null, IDictionary<string, string>? env = null, int timeoutMs = 120_000)
    {
        using var child = new FtemuChild(args, cwd, env);
        int code = child.Wait(timeoutMs);
        return new GuestResult(Encoding.UTF8.GetBytes(child.Stdout), Encoding.UTF8.GetBytes(child.Stderr), code);
    }
}
