using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary>The <c>ftemu</c> command line: parses arguments and hands off to the commands.</summary>
internal static class FtEmuCommand
{
    /// <summary>Options of <c>ftemu run</c> that take a value; everything after the program name belongs to the guest.</summary>
    private static readonly HashSet<string> s_runOptionsWithValue = new(StringComparer.Ordinal)
    {
        "--root", "--log-level", "--record", "--checkpoint-interval", "--listen", "--peer", "--tiebreaker", "--key-file",
        "--status-file", "--heartbeat-ms", "--timeout-ms", "--engine",
    };

    public static int Invoke(string[] args)
    {
        var root = new RootCommand("FtEmu: a deterministic user-mode x86-64 Linux emulator with record/replay.");
        root.Subcommands.Add(BuildRun());
        root.Subcommands.Add(BuildReplay());
        root.Subcommands.Add(BuildInfo());
        try
        {
            return root.Parse(SeparateGuestArguments(args)).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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

    private static Option<string> EngineOption() => new("--engine")
    {
        Description = "CPU engine: jit (hot blocks compiled to native code) or interp; results are identical",
        DefaultValueFactory = _ => Cpu.CpuEngineOptions.Default.Engine == Cpu.CpuEngine.Jit ? "jit" : "interp",
    };

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
        var primary = new Option<bool>("--primary") { Description = "Run as a fault-tolerant primary, streaming the log to a secondary" };
        var secondary = new Option<bool>("--secondary") { Description = "Run as the secondary of the primary at --peer (no program: it comes from the primary)" };
        var listen = new Option<string?>("--listen") { Description = "ADDR:PORT to accept a secondary on (a secondary uses it after going live)" };
        var peer = new Option<string?>("--peer") { Description = "Secondary: HOST:PORT of the primary" };
        var tiebreaker = new Option<string?>("--tiebreaker") { Description = "File on storage both sides reach; decides who goes on when they lose each other" };
        var keyFile = new Option<string?>("--key-file") { Description = "Shared secret authenticating every lockstep message (required for non-loopback addresses)" };
        var statusFile = new Option<string?>("--status-file") { Description = "Primary: keep a JSON status document here" };
        var heartbeat = new Option<int>("--heartbeat-ms") { Description = "Heartbeat interval", DefaultValueFactory = _ => 50 };
        var timeout = new Option<int>("--timeout-ms") { Description = "Silence after which the peer is declared dead", DefaultValueFactory = _ => 300 };
        var program = new Argument<string?>("program") { Description = "Statically linked x86-64 Linux ELF to run", Arity = ArgumentArity.ZeroOrOne };
        var engine = EngineOption();
        var guestArgs = new Argument<string[]>("args") { Description = "Arguments for the guest program", Arity = ArgumentArity.ZeroOrMore };
        var run = new Command("run", "Run a guest program")
        {
            rootDir, strace, logLevel, record, noEmbed, interval, primary, secondary, listen, peer, tiebreaker, keyFile, statusFile,
            heartbeat, timeout, engine, program, guestArgs,
        };
        run.SetAction(parse => RunCommand.Execute(new RunSettings(
            parse.GetValue(program),
            parse.GetValue(guestArgs) ?? Array.Empty<string>(),
            parse.GetValue(rootDir),
            parse.GetValue(strace),
            parse.GetValue(logLevel),
            parse.GetValue(record),
            !parse.GetValue(noEmbed),
            Math.Max(1, parse.GetValue(interval)),
            parse.GetValue(primary) ? FtRole.Primary : parse.GetValue(secondary) ? FtRole.Secondary : FtRole.None,
            parse.GetValue(listen),
            parse.GetValue(peer),
            parse.GetValue(tiebreaker),
            parse.GetValue(keyFile),
            parse.GetValue(statusFile),
            parse.GetValue(heartbeat),
            parse.GetValue(timeout),
            Cpu.CpuEngineOptions.Parse(parse.GetValue(engine)!))));
        return run;
    }

    private static Command BuildReplay()
    {
        var file = new Argument<string>("recording") { Description = "The .ftlog file to replay" };
        var quiet = new Option<bool>("--quiet") { Description = "Do not show the guest's output again" };
        var strace = new Option<bool>("--strace") { Description = "Print every replayed syscall to stderr" };
        var logLevel = LogLevelOption();
        var engine = EngineOption();
        var replay = new Command("replay", "Re-execute a recording exactly and verify it") { file, quiet, strace, logLevel, engine };
        replay.SetAction(parse => ReplayCommand.Execute(parse.GetValue(file)!, parse.GetValue(quiet), parse.GetValue(strace), parse.GetValue(logLevel),
            Cpu.CpuEngineOptions.Parse(parse.GetValue(engine)!)));
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
