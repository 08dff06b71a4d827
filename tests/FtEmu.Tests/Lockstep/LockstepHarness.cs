using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FtEmu.Tests.Lockstep;

/// <summary>Runs real ftemu processes (primary, secondary) on loopback for fault-injection tests.</summary>
internal sealed class FtemuProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _outTask;
    private readonly Task _errTask;

    public FtemuProcess(params string[] args)
    {
        string dll = typeof(FtEmu.Cli.FtEmuCommand).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
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

/// <summary>A TCP forwarder between secondary and primary that can stop forwarding (a partition) or tamper with bytes.</summary>
internal sealed class LinkProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly int _target;
    private volatile bool _cut;
    private volatile int _tamperAfter = -1;

    public LinkProxy(int targetPort)
    {
        _target = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>Stops forwarding in both directions but keeps the connections open (both sides stay alive).</summary>
    public void Cut() => _cut = true;

    /// <summary>Flips one bit in the primary-to-secondary stream after this many bytes.</summary>
    public void TamperAfter(int bytes) => _tamperAfter = bytes;

    private async Task AcceptLoop()
    {
        try
        {
            var client = await _listener.AcceptTcpClientAsync();
            TcpClient server;
            for (int attempt = 0; ; attempt++)
            {
                server = new TcpClient();
                try
                {
                    await server.ConnectAsync(IPAddress.Loopback, _target);
                    break;
                }
                catch (SocketException) when (attempt < 100)
                {
                    server.Dispose();
                    await Task.Delay(100);
                }
            }
            _ = Forward(client.GetStream(), server.GetStream(), tamper: false);
            _ = Forward(server.GetStream(), client.GetStream(), tamper: true);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
        }
    }

    private async Task Forward(NetworkStream from, NetworkStream to, bool tamper)
    {
        var buf = new byte[65536];
        long total = 0;
        try
        {
            while (true)
            {
                int n = await from.ReadAsync(buf);
                if (n == 0) return;
                if (_cut) continue;
                if (tamper && _tamperAfter >= 0 && total + n > _tamperAfter)
                {
                    buf[Math.Max(0, (int)(_tamperAfter - total))] ^= 0x10;
                    _tamperAfter = -1;
                }
                total += n;
                await to.WriteAsync(buf.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    public void Dispose() => _listener.Stop();
}
