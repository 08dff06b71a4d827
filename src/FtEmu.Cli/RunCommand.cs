using FtEmu.Linux;
using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary><c>ftemu run</c>: loads a guest program and runs it live; the exit status is the guest's.</summary>
internal static class RunCommand
{
    public static int Execute(RunSettings s)
    {
        using var loggerFactory = LoggerFactory.Create(b => b
            .SetMinimumLevel(s.LogLevel)
            .AddSimpleConsole(o => { o.SingleLine = true; })
            .AddFilter(_ => true));
        var logger = loggerFactory.CreateLogger("ftemu");
        try
        {
            var launch = GuestLauncher.Prepare(s.Program, s.Arguments, s.Root);
            using var host = new LiveHost();
            using var process = new LinuxProcess(launch.Options, host, logger);
            if (s.Strace) process.Strace = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
            process.Start();
            process.Run();
            return Report(process);
        }
        catch (LoadException e)
        {
            Console.Error.WriteLine($"ftemu: {e.Message}");
            return 126;
        }
    }

    /// <summary>Prints the one-line notice for a guest killed by a signal and returns the exit status.</summary>
    internal static int Report(LinuxProcess process)
    {
        if (process.TerminatingSignal != 0)
            Console.Error.WriteLine($"ftemu: guest terminated by signal {SignalNames.Name(process.TerminatingSignal)} at rip=0x{process.Cpu.Rip:x}");
        return process.ExitCode;
    }
}
