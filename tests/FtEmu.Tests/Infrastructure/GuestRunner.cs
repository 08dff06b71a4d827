using FtEmu.DiffTest;
using System.Diagnostics;
using System.Text;
using FtEmu.Linux;

namespace FtEmu.Tests;

/// <summary>What a guest run produced: the three things a user sees.</summary>
public sealed record GuestResult(byte[] Stdout, byte[] Stderr, int ExitCode)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);
    public string StderrText => Encoding.UTF8.GetString(Stderr);
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdoutText}\n--- stderr ---\n{StderrText}";
}

/// <summary>
/// Runs a guest program natively (the host is x86-64 Linux) and under FtEmu with the same argv,
/// environment, working directory and stdin, so that tests can demand identical results.
/// </summary>
public static class GuestRunner
{
    /// <summary>The fixed environment both sides get, so that nothing from the test host leaks in.</summary>
    public static readonly string[] Environment = { "PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=/tmp", "TZ=UTC" };

    public static GuestResult RunNative(string program, string[] args, byte[]? stdin = null, string? cwd = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Path.GetTempPath(),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var e in Environment)
        {
            int eq = e.IndexOf('=');
            psi.Environment[e[..eq]] = e[(eq + 1)..];
        }
        using var p = Process.Start(psi)!;
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var outTask = p.StandardOutput.BaseStream.CopyToAsync(stdout);
        var errTask = p.StandardError.BaseStream.CopyToAsync(stderr);
        try
        {
            if (stdin != null) p.StandardInput.BaseStream.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading all of its input.
        }
        Task.WaitAll(outTask, errTask);
        p.WaitForExit();
        int code = p.ExitCode;
        return new GuestResult(stdout.ToArray(), stderr.ToArray(), code);
    }

    /// <summary>How every in-process test starts a guest: argv[0] is the program path, the fixed environment, the temp directory unless told otherwise.</summary>
    public static ProcessOptions Options(string program, string[] args, string? cwd = null, string? root = null, FtEmu.Cpu.CpuEngineOptions? engine = null) => new()
    {
        Image = File.ReadAllBytes(program),
        ExecPath = program,
        Argv = new[] { program }.Concat(args).ToArray(),
        Envp = Environment,
        Root = root,
        WorkingDirectory = cwd ?? Path.GetTempPath().TrimEnd('/'),
        Engine = engine ?? TestEngines.Interpreter,
    };

    /// <summary>Runs the guest in this process under FtEmu (the interpreter unless told otherwise) with a live boundary.</summary>
    public static GuestResult RunEmulated(string program, string[] args, byte[]? stdin = null, string? cwd = null,
        string? root = null, ulong maxInstructions = 20_000_000_000, FtEmu.Cpu.CpuEngineOptions? engine = null)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        using var host = new LiveHost(new MemoryStream(stdin ?? Array.Empty<byte>()), stdout, stderr);
        var options = Options(program, args, cwd, root, engine);
        using var process = new LinuxProcess(options, host);
        process.Start();
        bool halted = process.Run(maxInstructions);
        if (!halted) throw new TimeoutException($"{program} did not finish within {maxInstructions} instructions");
        // A signal death reads 128+signal, as .NET reports it for a native child.
        return new GuestResult(stdout.ToArray(), stderr.ToArray(), process.ExitCode);
    }

    /// <summary>
    /// Runs natively and emulated and asserts that stdout, stderr and the exit status match; with
    /// <paramref name="expectedStdout"/>, stdout is compared with that instead of the host's (a
    /// vendor-dependent guest on another vendor's host: see <see cref="HostCpu"/>).
    /// </summary>
    public static GuestResult AssertSameAsNative(string program, string[] args, byte[]? stdin = null, string? cwd = null,
        FtEmu.Cpu.CpuEngineOptions? engine = null, byte[]? expectedStdout = null)
    {
        var native = RunNative(program, args, stdin, cwd);
        var emulated = RunEmulated(program, args, stdin, cwd, engine: engine);
        byte[] stdout = expectedStdout ?? native.Stdout;
        Xunit.Assert.Equal(native.ExitCode, emulated.ExitCode);
        Xunit.Assert.Equal(Encoding.UTF8.GetString(stdout), emulated.StdoutText);
        Xunit.Assert.Equal(native.StderrText, emulated.StderrText);
        Xunit.Assert.Equal(stdout, emulated.Stdout);
        return emulated;
    }
}
