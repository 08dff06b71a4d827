using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary>The <c>ftemu</c> command line: parses arguments and hands off to the commands.</summary>
internal static class FtEmuCommand
{
    /// <summary>Options of <c>ftemu run</c> that take a value; everything after the program name belongs to the guest.</summary>
    private static readonly HashSet<string> s_runOptionsWithValue = new(StringComparer.Ordinal)
    {
        "--root", "--log-level", "--record", "--checkpoint-interval",
    };

    public static int Invoke(string[] args)
    {
        var root = new RootCommand("FtEmu: a deterministic user-mode x86-64 Linux emulator with record/replay.");
        root.Subcommands.Add(BuildRun());
        root.Subcommands.Add(BuildReplay());
        root.Subcommands.Add(BuildInfo());
        try
        {
            return root.Parse(SeparateGuestArguments(args)).Invoke();
        }
        catch (Exception e)
        {
            // Last line of defence: a bug in ftemu is reported in one line, never as a trace.
            Console.Error.WriteLine($"ftemu: internal error: {e.GetType().Name}: {e.Message}");
            return 70;
        }
    }

    private static Option<LogLevel> LogLevelOption() =>
        new("--log-level") { Description = "Diagnostics level (Trace, Debug, Information, Warning, Error, None)", DefaultValueFactory = _ => LogLevel.Warning };

    private static Command BuildRun()
    {
        var rootDir = new Option<string?>("--root") { Description = "Host directory to use as the guest's root file system" };
        var strace = new Option<bool>("--strace") { Description = "Print every syscall with its arguments and result to stderr" };
        var logLevel = LogLevelOption();
        var record = new Option<string?>("--record") { Description = "Record the run's non-deterministic inputs to this .ftlog file" };
        var noEmbed = new Option<bool>("--no-embed") { Description = "With --record: reference the program by path and hash instead of embedding it" };
        var interval = new Option<ulong>("--checkpoint-interval")
        {
            Description = "With --record: instructions between state-hash checkpoints",
            DefaultValueFactory = _ => Replay.LogFormat.DefaultCheckpointInterval,
        };
        var program = new Argument<string>("program") { Description = "Statically linked x86-64 Linux ELF to run" };
        var guestArgs = new Argument<string[]>("args") { Description = "Arguments for the guest program", Arity = ArgumentArity.ZeroOrMore };
        var run = new Command("run", "Run a guest program") { rootDir, strace, logLevel, record, noEmbed, interval, program, guestArgs };
        run.SetAction(parse => RunCommand.Execute(new RunSettings(
            parse.GetValue(program)!,
            parse.GetValue(guestArgs) ?? Array.Empty<string>(),
            parse.GetValue(rootDir),
            parse.GetValue(strace),
            parse.GetValue(logLevel),
            parse.GetValue(record),
            !parse.GetValue(noEmbed),
            Math.Max(1, parse.GetValue(interval)))));
        return run;
    }

    private static Command BuildReplay()
    {
        var file = new Argument<string>("recording") { Description = "The .ftlog file to replay" };
        var quiet = new Option<bool>("--quiet") { Description = "Do not show the guest's output again" };
        var strace = new Option<bool>("--strace") { Description = "Print every replayed syscall to stderr" };
        var logLevel = LogLevelOption();
        var replay = new Command("replay", "Re-execute a recording exactly and verify it") { file, quiet, strace, logLevel };
        replay.SetAction(parse => ReplayCommand.Execute(parse.GetValue(file)!, parse.GetValue(quiet), parse.GetValue(strace), parse.GetValue(logLevel)));
        return replay;
    }

    private static Command BuildInfo()
    {
        var file = new Argument<string>("recording") { Description = "The .ftlog file to describe" };
        var info = new Command("info", "Describe a recording") { file };
        info.SetAction(parse => ReplayCommand.Info(parse.GetValue(file)!));
        return info;
    }

    /// <summary>
    /// Inserts "--" before the guest program so that the guest's own options (ls -l) are never
    /// taken for ftemu's: the first token of "run" that is not an ftemu option is the program.
    /// </summary>
    internal static string[] SeparateGuestArguments(string[] args)
    {
        if (args.Length == 0 || args[0] != "run") return args;
        for (int i = 1; i < args.Length; i++)
        {
            string a = args[i];
            if (a == "--") return args;
            if (s_runOptionsWithValue.Contains(a))
            {
                i++;
                continue;
            }
            if (a.StartsWith('-')) continue;
            return [.. args[..i], "--", .. args[i..]];
        }
        return args;
    }
}
