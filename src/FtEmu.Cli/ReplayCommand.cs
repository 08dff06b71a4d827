using FtEmu.Replay;

namespace FtEmu.Cli;

/// <summary><c>ftemu replay</c> and <c>ftemu info</c>.</summary>
internal static class ReplayCommand
{
    public static int Execute(string path, bool quiet, bool strace, Microsoft.Extensions.Logging.LogLevel level, Cpu.CpuEngine engine)
    {
        using var loggerFactory = Logging.Create(level);
        try
        {
            using var file = File.OpenRead(path);
            var result = ReplaySession.Run(file, path, quiet ? null : Console.OpenStandardOutput(), quiet ? null : Console.OpenStandardError(),
                loggerFactory.CreateLogger("ftemu"), strace ? new StreamWriter(Console.OpenStandardError()) { AutoFlush = true } : null,
                Cpu.CpuEngineOptions.Default with { Engine = engine });
            Console.Error.WriteLine($"ftemu: {result.Message}");
            return result.Outcome switch
            {
                ReplaySession.Outcome.Verified => result.ExitCode,
                ReplaySession.Outcome.Incomplete => 3,
                _ => 4,
            };
        }
        catch (Exception e) when (e is LogFormatException or IOException or UnauthorizedAccessException or FtEmu.Linux.LoadException)
        {
            Console.Error.WriteLine($"ftemu: {e.Message}");
            return 2;
        }
    }

    public static int Info(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Console.Write(LogInfo.Read(file, path).Format());
            return 0;
        }
        catch (Exception e) when (e is LogFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ftemu: {e.Message}");
            return 2;
        }
    }
}
