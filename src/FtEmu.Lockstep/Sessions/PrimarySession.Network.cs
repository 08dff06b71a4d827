using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace FtEmu.Lockstep;

/// <summary>The primary's side of the link: accepting secondaries, acknowledgements, heartbeats, failure.</summary>
public sealed partial class PrimarySession
{
    private void AcceptLoop(TcpListener listener)
    {
        while (!_finished)
        {
            TcpClient client;
            try
            {
                client = listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }
            var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
            // A bad peer is handled on its own thread and can never disturb the running guest.
            new Thread(() => Admit(client, remote)) { IsBackground = true, Name = "ftemu-admit" }.Start();
        }
    }

    private void Admit(TcpClient client, IPEndPoint remote)
    {
        string peer = remote.ToString();
        client.NoDelay = true;
        var link = new Link(client.GetStream(), isPrimary: true, peer);
        try
        {
            if (_settings.Key == null && !IPAddress.IsLoopback(remote.Address))
                throw new LinkException($"{peer}: refused: without a key only loopback peers are allowed");
            client.ReceiveTimeout = 5000;
            var (type, payload) = link.Receive();
            if (type != MessageType.Hello) throw new LinkException($"{peer}: expected a hello");
            byte[] helloBytes = payload.ToArray();
            var hello = Handshake.DecodeHello(payload, peer);
            if (hello.Keyed != (_settings.Key != null))
                throw new LinkException($"{peer}: refused: {(hello.Keyed ? "it" : "this primary")} uses a key and the other side does not");
            bool snapshot;
            lock (_lock)
            {
                if (_link != null || _join != null) throw new LinkException($"{peer}: refused: a secondary is already connected");
                if (_finished) throw new LinkException($"{peer}: refused: the guest has exited");
                snapshot = _state != FtState.Starting;
            }
            var welcome = new Handshake.Welcome(Link.ProtocolVersion, Handshake.NewNonce(), _generation, _logFileHeader,
                snapshot ? Handshake.StartMode.Snapshot : Handshake.StartMode.Fresh, _settings.HeartbeatMs, _settings.TimeoutMs);
            byte[] welcomeBytes = Handshake.Encode(welcome);
            link.Send(MessageType.Welcome, welcomeBytes);
            link.Authenticate(_settings.Key, welcome.Nonce, hello.Nonce);
            byte[] transcript = Handshake.Transcript(helloBytes, welcomeBytes);
            link.Send(MessageType.Heartbeat, transcript);
            (type, payload) = link.Receive();
            if (type != MessageType.Heartbeat || !payload.Span.SequenceEqual(transcript))
                throw new LinkException($"{peer}: handshake not confirmed");
            client.ReceiveTimeout = 0;
            if (snapshot)
            {
                // The guest thread sends the snapshot at its next slice boundary and starts a new log.
                var join = new JoinRequest(link);
                lock (_lock)
                {
                    if (_link != null || _join != null) throw new LinkException($"{peer}: refused: another secondary won the race");
                    _join = join;
                }
                _process?.Cpu.RequestYield();
                join.Done.Wait();
                if (join.Error != null) throw new LinkException($"{peer}: {join.Error}");
            }
            else
            {
                lock (_lock)
                {
                    if (_link != null || _state != FtState.Starting) throw new LinkException($"{peer}: refused: another secondary won the race");
                    _link = link;
                    _lastHeardMs = _clock.ElapsedMilliseconds;
                    SetState(FtState.Running, $"secondary {peer} in lockstep");
                    Monitor.PulseAll(_lock);
                }
            }
            ReceiveLoop(link);
        }
        catch (Exception e) when (e is LinkException or IOException or SocketException or ObjectDisposedException)
        {
            bool wasOurs;
            lock (_lock) wasOurs = ReferenceEquals(_link, link);
            if (wasOurs) SecondaryLost(link, e.Message);
            else
            {
                _log.LogWarning("refused peer: {Reason}", e.Message);
                try
                {
                    link.Send(MessageType.Reject, Payloads.Text(e.Message));
                }
                catch (Exception e2) when (e2 is IOException or ObjectDisposedException or SocketException)
                {
                    // The peer may already be gone; refusing it is all that matters.
                }
                link.Dispose();
            }
        }
    }

    private void ReceiveLoop(Link link)
    {
        while (true)
        {
            var (type, payload) = link.Receive();
            switch (type)
            {
                case MessageType.Ack:
                {
                    var (chunk, count) = Payloads.Read(payload, link.Peer, r => ((long)r.UVarint(), r.UVarint()));
                    Interlocked.Exchange(ref _lastHeardMs, _clock.ElapsedMilliseconds);
                    lock (_lock)
                    {
                        if (chunk > _ackedChunk)
                        {
                            for (long i = _ackedChunk + 1; i <= chunk; i++) _chunkSentAt.Remove(i);
                            _ackedChunk = chunk;
                        }
                        _secondaryCount = Math.Max(_secondaryCount, count);
                        ReleaseAcknowledged();
                    }
                    break;
                }
                case MessageType.Heartbeat:
                    Interlocked.Exchange(ref _lastHeardMs, _clock.ElapsedMilliseconds);
                    break;
                case MessageType.CheckpointHash:
                {
                    var (count, hash) = Payloads.Read(payload, link.Peer, r => (r.UVarint(), r.Bytes().ToArray()));
                    byte[]? ours;
                    lock (_lock)
                    {
                        _checkpoints.Remove(count, out ours);
                    }
                    if (ours != null && !ours.AsSpan().SequenceEqual(hash))
                        _log.LogError("DIVERGENCE: the secondary's state hash at instruction {Count} differs from the primary's", count);
                    break;
                }
                case MessageType.Reject:
                    throw new LinkException($"{link.Peer}: {Payloads.Read(payload, link.Peer, r => r.String())}");
                default:
                    throw new LinkException($"{link.Peer}: unexpected {type} message");
            }
        }
    }

    private void MonitorLoop()
    {
        long lastStatus = 0;
        while (!_finished)
        {
            Thread.Sleep(_settings.HeartbeatMs);
            // No lock here: a thread performing held output under the lock must not stop the heartbeat.
            Link? link = _link;
            long silent = _clock.ElapsedMilliseconds - Interlocked.Read(ref _lastHeardMs);
            if (link != null)
            {
                if (silent > _settings.TimeoutMs) SecondaryLost(link, $"no word from the secondary for {silent} ms");
                else
                {
                    try
                    {
                        link.Send(MessageType.Heartbeat, ReadOnlySpan<byte>.Empty);
                    }
                    catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
                    {
                        SecondaryLost(link, e.Message);
                    }
                }
            }
            if (_clock.ElapsedMilliseconds - lastStatus >= 200)
            {
                lastStatus = _clock.ElapsedMilliseconds;
                WriteStatus();
            }
        }
    }

    /// <summary>
    /// The secondary is gone or silent: claim the next tie-breaker generation. The winner goes on
    /// alone (releasing every held output); the loser stops at once without further output.
    /// </summary>
    private void SecondaryLost(Link link, string why)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_link, link)) return;
            _link = null;
            link.Dispose();
            if (_finished) return;
            _log.LogWarning("secondary lost: {Why}", why);
            long next = _generation + 1;
            if (!_tieBreaker.TryClaim(next, $"primary pid {Environment.ProcessId}"))
            {
                _log.LogError("the secondary won tie-breaker generation {Generation}: stopping without further output", next);
                Console.Error.WriteLine($"ftemu: lost the tie-breaker (generation {next}) to the secondary; stopping");
                Environment.Exit(75);
            }
            _generation = next;
            SetState(FtState.NeedsSecondary, $"secondary lost ({why}); won tie-breaker generation {next}");
            ReleaseAllHeld();
        }
    }

    private void WriteStatus()
    {
        if (_settings.StatusFile == null) return;
        StatusFile.Status s;
        // Skip a round rather than wait: the heartbeat thread calls this and must not stall.
        if (!Monitor.TryEnter(_lock, 20)) return;
        try
        {
            ulong count = _process?.Cpu.InstructionCount ?? 0;
            long oldestUnacked = _chunkSentAt.Count > 0 ? _chunkSentAt.Values.Min() : _clock.ElapsedMilliseconds;
            double seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            s = new StatusFile.Status(_state, "primary", _generation, _link?.Peer, count,
                _link != null && count > _secondaryCount ? count - _secondaryCount : 0,
                _link != null ? _clock.ElapsedMilliseconds - oldestUnacked : 0,
                _logBytes / seconds, _held.Count, _heldBytes, LastSnapshotPauseMs);
        }
        finally
        {
            Monitor.Exit(_lock);
        }
        try
        {
            StatusFile.Write(_settings.StatusFile, s);
        }
        catch (IOException e)
        {
            _log.LogWarning("cannot write status file: {Reason}", e.Message);
        }
    }
}
