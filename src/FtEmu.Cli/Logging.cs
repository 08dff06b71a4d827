using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

internal static class Logging
{
    /// <summary>Diagnostics go to stderr, one line each, so that they never mix with guest stdout.</summary>
    public static ILoggerFactory Create(LogLevel level) => LoggerFactory.Create(b => b
        .SetMinimumLevel(level)
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
}
