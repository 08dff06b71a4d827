using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FtEmu.Linux;
using FtEmu.Replay;
using Microsoft.Extensions.Logging;

namespace FtEmu.Lockstep;

/// <summary>
/// The secondary: replays the primary's log as it arrives, in instruction-exact lockstep, with its
/// own output suppressed. If the primary falls silent and this side wins the next tie-breaker
/// generation, it executes everything it has received, performs the outputs the primary cannot be
/// known to have completed, and goes live.
/// </summary>
/// <remarks>
/// Held-output invariant: every stdout/stderr write the replay reaches is kept until the primary's
/// OutputDone says it was performed; at failover the kept ones are exactly the outputs in flight,
/// and they are performed before anything the guest writes afterwards.
/// </remarks>
public sealed class SecondarySession : IReplayOutput
{
    private readonly LockstepSettings _settings;
    private readonly ILogger _log;
    private readonly IHostBoundary _live;
    private readonly TieBreaker _tieBreaker;
    private readonly ChunkPipe _pipe = new();
    private readonly object _lock = new();
    private readonly Queue<(long Index, long Handle, byte[] Data)> _kept = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Link? _link;
    private long _generation;
    private long _lastHeardMs;
    private long _outputIndex;
    private long _doneUpTo;
    private volatile bool _primaryFinished;
    private volatile bool _failingOver;
    private bool _live_;
    private LinuxProcess? _process;
    private IPEndPoint? _listen;
    private byte[]? _snapshot;
    private byte[]? _snapshotHash;
    private TapedHost? _host;

    public SecondarySession(LockstepSettings settings, IHostBoundary live, ILogger logger)
    {
        _settings = settings;
        _live = live;
        _log = logger;
        _tieBreaker = new TieBreaker(settings.TieBreakerPath);
    }

    /// <summary>True once this side has taken over from the primary.</summary>
    public bool WentLive => _live_;

    /// <param name="listen">Where to accept a new secondary after going live (null: do not).</param>
    public int Run(string host, int port, IPEndPoint? listen = null)
    {
        _listen = listen;
        var addresses = Dns.GetHostAddresses(host);
        if (addresses.Length == 0) throw new LinkException($"{host}: cannot resolve");
        var address = addresses[0];
        if (_settings.Key == null && !IPAddress.IsLoopback(address))
            throw new LinkException($"--peer {host}:{port}: without --key-file only loopback addresses may be used");
        // The two sides may be started in either order: keep trying for a while.
        TcpClient client;
        var deadline = _clock.ElapsedMilliseconds + _settings.ConnectTimeoutMs;
        while (true)
        {
            client = new TcpClient { NoDelay = true };
            try
            {
                client.Connect(address, port);
                break;
            }
            catch (SocketException e)
            {
                client.Dispose();
                if (_clock.ElapsedMilliseconds > deadline) throw new LinkException($"{host}:{port}: {e.Message}");
                Thread.Sleep(100);
            }
        }
        string peer = $"{host}:{port}";
        var link = new Link(client.GetStream(), isPrimary: false, peer);
        client.ReceiveTimeout = 5000;
        var hello = new Handshake.Hello(Link.ProtocolVersion, Handshake.NewNonce(), _settings.Key != null);
        byte[] helloBytes = Handshake.Encode(hello);
        link.Send(MessageType.Hello, helloBytes);
        var (type, payload) = link.Receive();
        if (type == MessageType.Reject) throw new LinkException($"{peer}: {Payloads.Read(payload, peer, r => r.String())}");
        if (type != MessageType.Welcome) throw new LinkException($"{peer}: expected a welcome");
        byte[] welcomeBytes = payload.ToArray();
        var welcome = Handshake.DecodeWelcome(payload, peer);
        link.Authenticate(_settings.Key, welcome.Nonce, hello.Nonce);
        byte[] transcript = Handshake.Transcript(helloBytes, welcomeBytes);
        (type, payload) = link.Receive();
        if (type != MessageType.Heartbeat || !payload.Span.SequenceEqual(transcript)) throw new LinkException($"{peer}: handshake not confirmed (wrong key?)");
        link.Send(MessageType.Heartbeat, transcript);
        client.ReceiveTimeout = 0;
        _link = link;
        _generation = welcome.Generation;
        _lastHeardMs = _clock.ElapsedMilliseconds;
        var settings = _settings with { HeartbeatMs = welcome.HeartbeatMs, TimeoutMs = welcome.TimeoutMs };
        _log.LogInformation("secondary in lockstep with {Peer}, tie-breaker generation {Generation}", peer, _generation);

        if (welcome.Mode == Handshake.StartMode.Snapshot)
        {
            (type, payload) = link.Receive();
            if (type != MessageType.Snapshot) throw new LinkException($"{peer}: expected a snapshot");
            _snapshot = Payloads.Read(payload, peer, r => { r.UVarint(); return r.Bytes().ToArray(); });
            (type, payload) = link.Receive();
            if (type != MessageType.CheckpointHash) throw new LinkException($"{peer}: expected the snapshot's hash");
            _snapshotHash = Payloads.Read(payload, peer, r => { r.UVarint(); return r.Bytes().ToArray(); });
        }
        _pipe.Append(welcome.LogFileHeader);
        new Thread(() => ReceiveLoop(link)) { IsBackground = true, Name = "ftemu-receive" }.Start();
        new Thread(() => MonitorLoop(link, settings)) { IsBackground = true, Name = "ftemu-monitor" }.Start();
        return Replay();
    }

    private int Replay()
    {
        using var reader = new LogReader(_pipe, "lockstep log");
        var header = reader.Header;
        var tape = new ReplayTape(reader);
        _host = new TapedHost(tape, this) { OnRecordingExhausted = GoLive };
        using var process = new LinuxProcess(header.ToOptions() with { Engine = _settings.Engine }, _host, _log);
        _process = process;
        tape.Clock = () => process.Cpu.InstructionCount;
        if (_snapshot != null)
        {
            ProcessSnapshot.Restore(process, _snapshot);
            if (!process.StateHash().AsSpan().SequenceEqual(_snapshotHash))
                throw new LinkException("the restored snapshot does not hash like the primary's state");
            foreach (var (_, f) in process.Files.All())
                if (f is HostFile h && h.Handle > 2) _host.ReplayedOpenFiles[h.Handle] = new TapedHost.OpenedFile(h.HostPath, h.Flags, 0);
            _log.LogInformation("secondary started from a snapshot at instruction {Count}", process.Cpu.InstructionCount);
        }
        else process.Start();
        ulong interval = header.CheckpointInterval;
        while (true)
        {
            if (_live_)
            {
                // A former secondary carries on as a primary that new secondaries can join.
                var primary = new PrimarySession(_settings, _host.LiveHost, _log);
                return primary.Continue(process, _host, header, _generation, _listen);
            }
            ulong next = (process.Cpu.InstructionCount / interval + 1) * interval;
            if (process.Run(next))
            {
                if (!_live_) VerifyEnd(tape, process);
                break;
            }
            if (_live_) continue;
            var events = tape.ReadSession(EventKind.Checkpoint, out ulong count);
            if (events == null)
            {
                if (GoLive()) continue;
                throw new LinkException("the primary's log ended early");
            }
            var recorded = Checkpoint.Read(events, count);
            var actual = Checkpoint.Take(process);
            SendQuietly(MessageType.CheckpointHash, Payloads.Checkpoint(actual.InstructionCount, actual.Hash));
            if (!recorded.Hash.AsSpan().SequenceEqual(actual.Hash))
                _log.LogError("DIVERGENCE at instruction {Count}: the secondary's state differs from the primary's", count);
        }
        return process.ExitCode;
    }

    private void VerifyEnd(ReplayTape tape, LinuxProcess process)
    {
        var end = tape.ReadSession(EventKind.End, out ulong count);
        if (end == null)
        {
            // The primary died just as the guest exited: the exit is ours to finish.
            GoLive();
            return;
        }
        int exitCode = EndRecord.Read(end, count).ExitCode;
        if (count != process.Cpu.InstructionCount || exitCode != process.ExitCode)
            _log.LogError("DIVERGENCE at exit: primary ended at {Count} with status {Status}", count, exitCode);
    }

    // ---- IReplayOutput: suppressed output kept until the primary says it is done ----

    public void Replayed(long handle, ReadOnlySpan<byte> data)
    {
        if (handle != 1 && handle != 2) return;
        lock (_lock)
        {
            long index = ++_outputIndex;
            if (index <= _doneUpTo) return;
            _kept.Enqueue((index, handle, data.ToArray()));
        }
    }

    private void OutputDone(long index)
    {
        lock (_lock)
        {
            _doneUpTo = Math.Max(_doneUpTo, index);
            while (_kept.Count > 0 && _kept.Peek().Index <= _doneUpTo) _kept.Dequeue();
        }
    }

    /// <summary>
    /// Called when the replay has consumed everything received. After a failover this performs the
    /// outputs in flight and switches the boundary to live; otherwise there is nothing to do.
    /// </summary>
    private bool GoLive()
    {
        if (!_failingOver || _live_) return _live_;
        lock (_lock)
        {
            _log.LogWarning("going live at instruction {Count} with {Kept} output(s) in flight", _process!.Cpu.InstructionCount, _kept.Count);
            foreach (var (_, handle, data) in _kept) _live.Write(handle, data, -1);
            _kept.Clear();
            _host!.Switch(new PassThroughTape(), new TakeoverHost(_live, _host.ReplayedOpenFiles));
            _live_ = true;
            // Leave the replay loop promptly so that this side starts serving as a primary.
            _process.Cpu.RequestYield();
        }
        return true;
    }

    private void ReceiveLoop(Link link)
    {
        try
        {
            while (true)
            {
                var (type, payload) = link.Receive();
                lock (_lock) _lastHeardMs = _clock.ElapsedMilliseconds;
                switch (type)
                {
                    case MessageType.Chunk:
                    {
                        var (index, chunk) = Payloads.Read(payload, link.Peer, r => ((long)r.UVarint(), r.Bytes().ToArray()));
                        _pipe.Append(chunk);
                        ulong count = _process?.Cpu.InstructionCount ?? 0;
                        link.Send(MessageType.Ack, Payloads.Of((ulong)index, count));
                        break;
                    }
                    case MessageType.OutputDone:
                        OutputDone((long)Payloads.Read(payload, link.Peer, r => r.UVarint()));
                        break;
                    case MessageType.Heartbeat:
                        break;
                    case MessageType.Bye:
                        _primaryFinished = true;
                        _pipe.Complete();
                        return;
                    case MessageType.Reject:
                        throw new LinkException(Payloads.Read(payload, link.Peer, r => r.String()));
                    default:
                        throw new LinkException($"{link.Peer}: unexpected {type} message");
                }
            }
        }
        catch (Exception e) when (e is LinkException or IOException or ObjectDisposedException or SocketException)
        {
            if (!_primaryFinished) PrimaryLost($"link: {e.Message}");
        }
    }

    private void MonitorLoop(Link link, LockstepSettings settings)
    {
        while (!_primaryFinished && !_failingOver)
        {
            Thread.Sleep(settings.HeartbeatMs);
            long silent;
            lock (_lock) silent = _clock.ElapsedMilliseconds - _lastHeardMs;
            if (silent > settings.TimeoutMs)
            {
                PrimaryLost($"no word from the primary for {silent} ms");
                return;
            }
            SendQuietly(MessageType.Heartbeat, Array.Empty<byte>());
        }
    }

    /// <summary>The primary is gone or silent: claim the next generation; win and go live, or stop without output.</summary>
    private void PrimaryLost(string why)
    {
        lock (_lock)
        {
            if (_failingOver || _primaryFinished) return;
            _log.LogWarning("primary lost: {Why}", why);
            long next = _generation + 1;
            if (!_tieBreaker.TryClaim(next, $"secondary pid {Environment.ProcessId}"))
            {
                Console.Error.WriteLine($"ftemu: the primary holds tie-breaker generation {next}; this secondary stops");
                Environment.Exit(75);
            }
            _generation = next;
            _failingOver = true;
            _link?.Dispose();
            _pipe.Complete();
        }
    }

    private void SendQuietly(MessageType type, byte[] payload)
    {
        try
        {
            _link?.Send(type, payload);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }
    }
}
