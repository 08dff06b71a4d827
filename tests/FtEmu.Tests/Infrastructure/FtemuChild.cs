using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FtEmu.Tests;

/// <summary>A real <c>dotnet ftemu.dll ...</c> child process, its stdout and stderr collected as they arrive.</summary>
internal sealed class FtemuChild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _outTask;
    private readonly Task _errTask;

    public static string DllPath { get; } = typeof(FtEmu.Cli.FtEmuCommand).Assembly.Location;

    public FtemuChild(params string[] args)
        : this(args, null, null)
    {
    }

    public FtemuChild(IEnumerable<string> args, string? cwd, IDictionary<string, string>? env)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = cwd ?? Path.GetTempPath(),
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env != null)
            foreach (var (k, v) in env) psi.Environment[k] = v;
        _process = Process.Start(psi)!;
        _process.StandardInput.Close();
        _outTask = Pump(_process.StandardOutput, _stdout);
        _errTask = Pump(_process.StandardError, _stderr);
    }

    private static Task Pump(StreamReader reader, StringBuilder into) => Task.Run(async () =>
    {
        var buf = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buf)) > 0)
            lock (into) into.Append(buf, 0, n);
    });

    public int Id => _process.Id;

    public string Stdout
    {
        get { lock (_stdout) return _stdout.ToString(); }
    }

    public string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for exit and for all output; returns the exit status.</summary>
    public int Wait(int timeoutMs = 60_000)
    {
        if (!_process.WaitForExit(timeoutMs))
        {
            Kill();
            throw new TimeoutException($"ftemu did not finish in {timeoutMs} ms\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }
        Task.WaitAll(_outTask, _errTask);
        return _process.ExitCode;
    }

    public void Dispose() => _process.Dispose();

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>Waits until the status file reports the given state.</summary>
    public static bool WaitForState(string statusFile, string state, int timeoutMs = 20_000)
    {
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < timeoutMs)
        {
            try
            {
                if (File.Exists(statusFile) && File.ReadAllText(statusFile).Contains($"\"state\": \"{state}\"")) return true;
            }
            catch (IOException)
            {
            }
            Thread.Sleep(20);
        }
        return false;
    }
}
