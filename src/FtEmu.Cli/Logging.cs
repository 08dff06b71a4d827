using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

internal static class Logging
{
    /// <summary>Diagnostics go to stderr, one line each, so that they never mix with guest stdout.</summary>
    public static ILoggerFactory Create(LogLevel level) => new StderrLoggerFactory(level);

    private sealed class StderrLoggerFactory(LogLevel level) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, level);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("ftemu logs to stderr only");

        public void Dispose()
        {
        }
    }
}
