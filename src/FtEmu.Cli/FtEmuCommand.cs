using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary>The <c>ftemu</c> command line: parses arguments and hands off to the runners.</summary>
internal static class FtEmuCommand
{
    /// <summary>Options of <c>ftemu run</c> that take a value; everything after the program name belongs to the guest.</summary>
    private static readonly HashSet<string> s_runOptionsWithValue = new(StringComparer.Ordinal) { "--root", "--log-level" };

    public static int Invoke(string[] args)
    {
        var root = new RootCommand("FtEmu: a deterministic user-mode x86-64 Linux emulator with record/replay and lockstep.");
        root.Subcommands.Add(BuildRun());
        return root.Parse(SeparateGuestArguments(args)).Invoke();
    }

    private static Command BuildRun()
    {
        var rootDir = new Option<string?>("--root") { Description = "Host directory to use as the guest's root file system" };
        var strace = new Option<bool>("--strace") { Description = "Print every syscall with its arguments and result to stderr" };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Diagnostics level (Trace, Debug, Information, Warning, Error, None)", DefaultValueFactory = _ => LogLevel.Warning };
        var program = new Argument<string>("program") { Description = "Statically linked x86-64 Linux ELF to run" };
        var guestArgs = new Argument<string[]>("args") { Description = "Arguments for the guest program", Arity = ArgumentArity.ZeroOrMore };
        var run = new Command("run", "Run a guest program") { rootDir, strace, logLevel, program, guestArgs };
        run.SetAction(parse => RunCommand.Execute(new RunSettings(
            parse.GetValue(program)!,
            parse.GetValue(guestArgs) ?? Array.Empty<string>(),
            parse.GetValue(rootDir),
            parse.GetValue(strace),
            parse.GetValue(logLevel))));
        return run;
    }

    /// <summary>
    /// Inserts "--" before the guest program so that the guest's own options (ls -l) are never
    /// taken for ftemu's: the first token of "run" that is not an ftemu option is the program.
    /// </summary>
    internal static string[] SeparateGuestArguments(string[] args)
    {
        int cmd = Array.IndexOf(args, "run");
        if (cmd < 0) return args;
        for (int i = cmd + 1; i < args.Length; i++)
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
