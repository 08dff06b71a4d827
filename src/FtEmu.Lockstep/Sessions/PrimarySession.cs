using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FtEmu.Linux;
using FtEmu.Replay;
using Microsoft.Extensions.Logging;

namespace FtEmu.Lockstep;

/// <summary>
/// The primary: runs the guest live and streams its log to a secondary, which executes in
/// instruction-exact lockstep.
/// </summary>
/// <remarks>
/// Output rule (invariant): no guest output becomes externally visible before the secondary has
/// acknowledged the chunk holding the log up to the event that produced it. Writes to stdout and
/// stderr are held in order and released by acknowledgements (so many writes share one round
/// trip); every other effect waits for the log before it to be acknowledged. After performing a
/// held output the primary sends OutputDone, so only outputs in flight at a crash can repeat.
/// Who may go live: whoever wins the next tie-breaker generation after the peers lose each other;
/// the loser stops at once without further output.
/// </remarks>
public sealed partial class PrimarySession : IOutputGate
{
    private readonly LockstepSettings _settings;
    private readonly ILogger _log;
    private readonly IHostBoundary _live;
    private readonly TieBreaker _tieBreaker;
    private readonly object _lock = new();
    private readonly Queue<HeldOutput> _held = new();
    private readonly Dictionary<ulong, byte[]> _checkpoints = new();
    private readonly Dictionary<long, long> _chunkSentAt = new();
    private readonly Stream _stdout = Console.OpenStandardOutput();
    private readonly Stream _stderr = Console.OpenStandardError();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private FtState _state = FtState.Starting;
    private long _generation;
    // Read without the lock by the heartbeat thread, which must keep beating while another thread holds it.
    private volatile Link? _link;
    private long _ackedChunk;
    private ulong _secondaryCount;
    private long _lastHeardMs;
    private long _heldBytes;
    private long _outputIndex;
    private byte[] _logFileHeader = Array.Empty<byte>();
    private RecordTape? _tape;
    private LogHeader? _header;
    private LinuxProcess? _process;
    private volatile bool _finished;

    private sealed record HeldOutput(long Index, long Handle, byte[] Data, long NeedChunk, long HeldAtTicks);

    // Output-rule statistics: how long held outputs waited for the secondary's acknowledgement.
    private long _heldCount;
    private long _logBytes;
    private long _heldTicksTotal;
    private long _heldTicksMax;

    public PrimarySession(LockstepSettings settings, IHostBoundary live, ILogger logger)
    {
        _settings = settings;
        _live = live;
        _log = logger;
        _tieBreaker = new TieBreaker(settings.TieBreakerPath);
    }

    public FtState State
    {
        get { lock (_lock) return _state; }
    }

    private bool Protected => _link != null;

    private void SetState(FtState s, string why)
    {
        if (_state == s) return;
        _log.LogInformation("FT state {From} -> {To}: {Why}", _state, s, why);
        _state = s;
    }

    /// <summary>Runs the guest as primary; returns its exit status.</summary>
    public int Run(ProcessOptions options, string imageHostPath, IPEndPoint listen)
    {
        if (_settings.Key == null && !IPAddress.IsLoopback(listen.Address))
            throw new LinkException($"--listen {listen}: without --key-file only loopback addresses may be used");
        _generation = _tieBreaker.CurrentGeneration() + 1;
        if (!_tieBreaker.TryClaim(_generation, $"primary pid {Environment.ProcessId}"))
            throw new LinkException($"tie-breaker {_settings.TieBreakerPath}: generation {_generation} is already taken");
        _header = LogHeader.FromOptions(options, imageHostPath, embed: true, _settings.CheckpointInterval);
        _logFileHeader = LogWriter.EncodeFileHeader(_header);
        StartServing(listen);

        lock (_lock)
        {
            var deadline = _clock.ElapsedMilliseconds + _settings.FirstSecondaryWaitMs;
            while (_link == null && _clock.ElapsedMilliseconds < deadline) Monitor.Wait(_lock, 50);
            if (_link == null) SetState(FtState.NeedsSecondary, "no secondary joined in time; running unprotected");
        }

        var host = new TapedHost(new PassThroughTape(), _live, this);
        using var process = new LinuxProcess(options with { Engine = _settings.Engine }, host, _log);
        // A secondary that joined before the start replays the whole run, start-up inputs included.
        if (Protected) StartLog(host, process);
        process.Start();
        return RunGuest(process, host);
    }

    /// <summary>
    /// Continues a process that is already running (a secondary that went live) as a primary in
    /// NeedsSecondary: new secondaries may join it through a snapshot.
    /// </summary>
    public int Continue(LinuxProcess process, TapedHost host, LogHeader header, long generation, IPEndPoint? listen)
    {
        _generation = generation;
        _header = header;
        _logFileHeader = LogWriter.EncodeFileHeader(header);
        _state = FtState.NeedsSecondary;
        host.Gate = this;
        if (listen != null) StartServing(listen);
        return RunGuest(process, host);
    }

    private void StartServing(IPEndPoint listen)
    {
        if (_settings.Key == null && !IPAddress.IsLoopback(listen.Address))
            throw new LinkException($"--listen {listen}: without --key-file only loopback addresses may be used");
        var listener = new TcpListener(listen);
        listener.Start();
        Endpoint = (IPEndPoint)listener.LocalEndpoint;
        _log.LogInformation("primary listening on {Endpoint}, tie-breaker generation {Generation}", Endpoint, _generation);
        new Thread(() => AcceptLoop(listener)) { IsBackground = true, Name = "ftemu-accept" }.Start();
        new Thread(MonitorLoop) { IsBackground = true, Name = "ftemu-monitor" }.Start();
    }

    /// <summary>Starts a new log stream to the secondary from this point of the run.</summary>
    private void StartLog(TapedHost host, LinuxProcess process)
    {
        var writer = new LogWriter(new ChunkSender(this), _header!, ChunkCodec.Deflate, writeFileHeader: false);
        var tape = new RecordTape(writer) { Clock = () => process.Cpu.InstructionCount };
        _tape = tape;
        host.Switch(tape, host.LiveHost);
    }

    /// <summary>The guest loop: runs in slices, writes checkpoints, admits joining secondaries, throttles.</summary>
    private int RunGuest(LinuxProcess process, TapedHost host)
    {
        _process = process;
        const ulong slice = 2_000_000;
        ulong interval = _settings.CheckpointInterval;
        ulong nextCheckpoint = (process.Cpu.InstructionCount / interval + 1) * interval;
        while (true)
        {
            if (_tape != null && !Protected)
            {
                // The secondary is gone: stop logging until another one joins.
                _tape = null;
                host.Switch(new PassThroughTape(), host.LiveHost);
            }
            AdmitPendingJoin(process, host);
            ulong stop = Math.Min(nextCheckpoint, process.Cpu.InstructionCount + slice);
            if (process.Run(stop)) break;
            if (process.Cpu.InstructionCount == nextCheckpoint)
            {
                if (_tape != null)
                {
                    var cp = Checkpoint.Take(process);
                    lock (_lock) _checkpoints[cp.InstructionCount] = cp.Hash;
                    _tape.WriteCheckpoint(cp);
                }
                nextCheckpoint += interval;
            }
            // Keep the secondary close behind even when the guest produces no output.
            _tape?.FlushCompletedEvents();
            Throttle(process);
        }
        if (_tape != null)
        {
            _tape.WriteEnd(process.ExitCode, process.TerminatingSignal, Checkpoint.Take(process));
            _tape.Writer.Flush();
        }
        DrainAll();
        _finished = true;
        lock (_lock)
        {
            try
            {
                _link?.Send(MessageType.Bye, ReadOnlySpan<byte>.Empty);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or LinkException or SocketException)
            {
            }
            SetState(FtState.Disabled, "the guest exited");
        }
        WriteStatus();
        LogStatistics(process);
        if (process.TerminatingSignal != 0) _log.LogWarning("guest terminated by signal {Signal}", process.TerminatingSignal);
        return process.ExitCode;
    }

    public IPEndPoint? Endpoint { get; private set; }

    private void LogStatistics(LinuxProcess process)
    {
        double seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        double meanUs = _heldCount > 0 ? _heldTicksTotal * 1e6 / Stopwatch.Frequency / _heldCount : 0;
        double maxUs = _heldTicksMax * 1e6 / Stopwatch.Frequency;
        _log.LogInformation(
            "lockstep statistics: {Instructions} instructions in {Seconds:F3} s; {Held} outputs held, mean {MeanUs:F0} us, max {MaxUs:F0} us; log {Bytes} bytes ({Rate:F0} bytes/s); last snapshot pause {Pause} ms",
            process.Cpu.InstructionCount, seconds, _heldCount, meanUs, maxUs, _logBytes, _logBytes / seconds, LastSnapshotPauseMs);
    }

    /// <summary>Slows the guest while the secondary is too far behind, as VMware FT throttles its primary.</summary>
    private void Throttle(LinuxProcess process)
    {
        lock (_lock)
        {
            while (Protected && process.Cpu.InstructionCount > _secondaryCount + _settings.MaxLagInstructions)
                Monitor.Wait(_lock, 5);
        }
    }

    // ---- Output rule (IOutputGate), called on the guest thread ----

    public bool CanDefer(long handle) => (handle == 1 || handle == 2) && Protected && _tape != null;

    public void Defer(long handle, ReadOnlySpan<byte> data)
    {
        _tape?.FlushCompletedEvents();
        long need = _tape?.Writer.ChunksWritten ?? 0;
        var copy = data.ToArray();
        lock (_lock)
        {
            var held = new HeldOutput(++_outputIndex, handle, copy, need, Stopwatch.GetTimestamp());
            if (!Protected)
            {
                // The secondary was lost meanwhile and everything held is out: perform at once.
                Perform(held);
                return;
            }
            _held.Enqueue(held);
            _heldBytes += copy.Length;
            while (Protected && _heldBytes > 64L << 20) Monitor.Wait(_lock, 10);
        }
    }

    public void BeforeEffect()
    {
        _tape?.FlushCompletedEvents();
        long need = _tape?.Writer.ChunksWritten ?? 0;
        lock (_lock)
        {
            while (Protected && (_ackedChunk < need || _held.Count > 0)) Monitor.Wait(_lock, 20);
            ReleaseAllHeld();
        }
    }

    /// <summary>At exit: every held output must be out before the process ends.</summary>
    private void DrainAll()
    {
        long need = _tape?.Writer.ChunksWritten ?? 0;
        lock (_lock)
        {
            while (Protected && (_ackedChunk < need || _held.Count > 0)) Monitor.Wait(_lock, 20);
            ReleaseAllHeld();
        }
    }

    /// <summary>Performs held outputs whose log the secondary has acknowledged. Caller holds the lock.</summary>
    private void ReleaseAcknowledged()
    {
        long last = 0;
        while (_held.Count > 0 && _held.Peek().NeedChunk <= _ackedChunk)
        {
            var h = _held.Dequeue();
            _heldBytes -= h.Data.Length;
            Perform(h);
            last = h.Index;
        }
        if (last != 0) SendQuietly(MessageType.OutputDone, Payloads.Of((ulong)last));
        Monitor.PulseAll(_lock);
    }

    /// <summary>Performs every held output (the secondary is gone: nothing to wait for). Caller holds the lock.</summary>
    private void ReleaseAllHeld()
    {
        while (_held.Count > 0)
        {
            var h = _held.Dequeue();
            _heldBytes -= h.Data.Length;
            Perform(h);
        }
        Monitor.PulseAll(_lock);
    }

    private void Perform(HeldOutput h)
    {
        long waited = Stopwatch.GetTimestamp() - h.HeldAtTicks;
        _heldCount++;
        _heldTicksTotal += waited;
        _heldTicksMax = Math.Max(_heldTicksMax, waited);
        var s = h.Handle == 1 ? _stdout : _stderr;
        try
        {
            s.Write(h.Data);
            s.Flush();
        }
        catch (IOException)
        {
            // Like a write to a closed pipe: the guest already saw success; nothing else to do.
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

    /// <summary>Sends each log chunk the writer produces to the secondary (nowhere while unprotected).</summary>
    private sealed class ChunkSender(PrimarySession session) : Stream
    {
        private long _index;

        public override void Write(byte[] buffer, int offset, int count)
        {
            long index = ++_index;
            Link? link;
            lock (session._lock)
            {
                link = session._link;
                if (link != null) session._chunkSentAt[index] = session._clock.ElapsedMilliseconds;
            }
            if (link == null) return;
            Interlocked.Add(ref session._logBytes, count);
            try
            {
                link.Send(MessageType.Chunk, Payloads.Chunk(index, buffer.AsSpan(offset, count)));
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
                session.SecondaryLost(link, $"sending the log failed: {e.Message}");
            }
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
