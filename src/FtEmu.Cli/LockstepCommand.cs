using System.Net;
using FtEmu.Linux;
using FtEmu.Lockstep;
using Microsoft.Extensions.Logging;

namespace FtEmu.Cli;

/// <summary><c>ftemu run --primary</c> and <c>ftemu run --secondary</c>.</summary>
internal static class LockstepCommand
{
    public static int Execute(RunSettings s, ILogger logger)
    {
        var settings = new LockstepSettings
        {
            HeartbeatMs = Math.Max(5, s.HeartbeatMs),
            TimeoutMs = Math.Max(20, s.TimeoutMs),
            Key = s.KeyFile != null ? ReadKey(s.KeyFile) : null,
            TieBreakerPath = s.TieBreaker,
            StatusFile = s.StatusFile,
            Engine = Cpu.CpuEngineOptions.Default with { Engine = s.Engine },
        };
        try
        {
            using var host = new LiveHost();
            if (s.Role == FtRole.Primary)
            {
                if (s.Program == null) throw new LoadException("--primary needs a program to run");
                if (s.Listen == null) throw new LoadException("--primary needs --listen ADDR:PORT");
                var launch = GuestLauncher.Prepare(s.Program, s.Arguments, s.Root);
                return new PrimarySession(settings, host, logger).Run(launch.Options, launch.HostPath, ParseEndpoint(s.Listen));
            }
            if (s.Program != null) throw new LoadException("--secondary takes no program: it receives it from the primary");
            if (s.Peer == null) throw new LoadException("--secondary needs --peer HOST:PORT");
            var (peerHost, port) = SplitHostPort(s.Peer);
            return new SecondarySession(settings, host, logger).Run(peerHost, port, s.Listen != null ? ParseEndpoint(s.Listen) : null);
        }
        catch (LinkException e)
        {
            Console.Error.WriteLine($"ftemu: {e.Message}");
            return 69;
        }
    }

    private static byte[] ReadKey(string path)
    {
        try
        {
            var key = File.ReadAllBytes(path);
            if (key.Length < 16) throw new LoadException($"--key-file {path}: a key needs at least 16 bytes");
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LoadException($"--key-file {path}: {e.Message}");
        }
    }

    private static (string Host, int Port) SplitHostPort(string s)
    {
        int colon = s.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(s[(colon + 1)..], out int port) || port is < 0 or > 65535)
            throw new LoadException($"{s}: expected HOST:PORT");
        return (s[..colon].Trim('[', ']'), port);
    }

    private static IPEndPoint ParseEndpoint(string s)
    {
        var (host, port) = SplitHostPort(s);
        var address = IPAddress.TryParse(host, out var a) ? a : Dns.GetHostAddresses(host).FirstOrDefault()
            ?? throw new LoadException($"{host}: cannot resolve");
        return new IPEndPoint(address, port);
    }
}
