using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

internal static class Logging
{
    /// <summary>Diagnostics go to stderr, one line each, so that they never mix with guest stdout.</summary>
    public static ILogger Create(LogLevel level, string category = "ftemu") => new StderrLogger(category, level);
}
