using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary>
/// Writes each message synchronously to stderr as one line, in the console logger's single-line
/// format ("warn: ftemu[0] text"). It replaces Microsoft.Extensions.Logging.Console, whose set-up
/// (configuration, options, dependency injection, a queue thread) cost about 30 ms of every start-up.
/// </summary>
internal sealed class StderrLogger(string category, LogLevel minimum) : ILogger
{
    // Lockstep sessions log from their link threads too; one lock keeps lines whole.
    private static readonly Lock s_lock = new();

    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= minimum;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public void Log<TState>(LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(level)) return;
        string text = formatter(state, exception);
        if (exception != null) text = text.Length == 0 ? exception.ToString() : text + " " + exception;
        string line = $"{Label(level)}: {category}[{eventId.Id}] {text.ReplaceLineEndings(" ")}";
        lock (s_lock) Console.Error.WriteLine(line);
    }

    private static string Label(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
