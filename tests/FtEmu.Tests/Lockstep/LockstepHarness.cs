using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FtEmu.Tests.Lockstep;

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
