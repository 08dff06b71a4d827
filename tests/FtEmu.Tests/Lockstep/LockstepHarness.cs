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
    private volatile int _tamperFrameType = -1;

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

    /// <summary>
    /// Flips one bit in the payload of the first primary-to-secondary frame of this type. The proxy follows
    /// the link's framing (u32 length of the rest, u8 type, u64 sequence, payload), so the damage lands
    /// where the test means it to, whatever the handshake's size (it carries paths and the environment).
    /// </summary>
    public void TamperFirstFrame(FtEmu.Lockstep.MessageType type) => _tamperFrameType = (int)type;

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
        var framing = new FrameTracker();
        try
        {
            while (true)
            {
                int n = await from.ReadAsync(buf);
                if (n == 0) return;
                if (_cut) continue;
                if (tamper && _tamperFrameType >= 0 && framing.Tamper(buf.AsSpan(0, n), (byte)_tamperFrameType))
                    _tamperFrameType = -1;
                await to.WriteAsync(buf.AsMemory(0, n));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    /// <summary>Follows frame boundaries across reads and damages one payload byte of the first frame of a type.</summary>
    private sealed class FrameTracker
    {
        private const int HeaderSize = 5;   // u32 length of the rest, u8 type
        private const int PayloadOffset = HeaderSize + 8 + 2; // past the sequence number, into the payload
        private readonly byte[] _header = new byte[HeaderSize];
        private long _position, _frameStart, _frameEnd = long.MaxValue, _tamperAt = -1;

        /// <summary>Scans one read; returns true once the bit has been flipped.</summary>
        public bool Tamper(Span<byte> data, byte type)
        {
            bool done = false;
            for (int i = 0; i < data.Length; i++, _position++)
            {
                long inFrame = _position - _frameStart;
                if (inFrame < HeaderSize)
                {
                    _header[inFrame] = data[i];
                    if (inFrame == HeaderSize - 1)
                    {
                        _frameEnd = _frameStart + 4 + System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(_header);
                        if (_header[4] == type && _frameEnd > _frameStart + PayloadOffset) _tamperAt = _frameStart + PayloadOffset;
                    }
                }
                if (_position == _tamperAt)
                {
                    data[i] ^= 0x10;
                    _tamperAt = -1;
                    done = true;
                }
                if (_position == _frameEnd - 1) _frameStart = _frameEnd;
            }
            return done;
        }
    }

    public void Dispose() => _listener.Stop();
}
