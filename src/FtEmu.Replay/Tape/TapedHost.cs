using FtEmu.Linux;

namespace FtEmu.Replay;

/// <summary>
/// The boundary seen through a tape: every method is written once. Recording, it asks the live
/// host and logs the answer; replaying, it returns the logged answer and performs no external
/// effect (guest output to stdout/stderr is shown again unless quiet, as rr does).
/// </summary>
public sealed partial class TapedHost : IHostBoundary
{
    private Tape _tape;
    private IHostBoundary? _live;
    private readonly IReplayOutput? _output;

    /// <summary>Recording: <paramref name="live"/> answers and the tape records; <paramref name="gate"/> (lockstep) holds outputs back.</summary>
    public TapedHost(Tape tape, IHostBoundary live, IOutputGate? gate = null)
    {
        _tape = tape;
        _live = live;
        Gate = gate;
    }

    /// <summary>Replaying: the tape answers; replayed guest output goes to <paramref name="output"/> (null: nowhere).</summary>
    public TapedHost(ReplayTape tape, IReplayOutput? output)
    {
        _tape = tape;
        _output = output;
    }

    /// <summary>Replaying with guest output echoed to the given streams (null: quiet).</summary>
    public TapedHost(ReplayTape tape, Stream? echoStdout, Stream? echoStderr)
        : this(tape, echoStdout == null && echoStderr == null ? null : new EchoOutput(echoStdout, echoStderr))
    {
    }

    /// <summary>Called when a replay tape runs out; it may switch this host to live (lockstep failover) and return true.</summary>
    public Func<bool>? OnRecordingExhausted { get; set; }

    /// <summary>The lockstep output rule, consulted before every external effect while live.</summary>
    public IOutputGate? Gate { get; set; }

    public Tape Tape => _tape;

    /// <summary>Switches to live operation from the next event on (failover, or a new log for a new secondary).</summary>
    public void Switch(Tape tape, IHostBoundary live)
    {
        _tape = tape;
        _live = live;
    }

    private IHostBoundary Live => _live!;
    private bool IsLive => _tape.IsLive;

    /// <summary>Starts an event; when a replay runs dry and a failover handler takes over, starts it on the new tape.</summary>
    private void Begin(EventKind kind)
    {
        try
        {
            _tape.Begin(kind);
        }
        catch (EndOfRecordingException) when (_tape is ReplayTape && OnRecordingExhausted != null && OnRecordingExhausted())
        {
            _tape.Begin(kind);
        }
    }

    /// <summary>Marks the point where an external effect is about to happen: the gate may hold it until the log is safe.</summary>
    private void Effect()
    {
        if (IsLive) Gate?.BeforeEffect();
    }

    // ---- Time, randomness, identity ----

    public Timespec GetTime(int clockId)
    {
        Begin(EventKind.GetTime);
        _tape.Input(clockId);
        var t = IsLive ? Live.GetTime(clockId) : default;
        var r = new Timespec(_tape.Result(t.Seconds), _tape.Result(t.Nanoseconds));
        _tape.End();
        return r;
    }

    public Timespec GetClockResolution(int clockId)
    {
        Begin(EventKind.GetClockResolution);
        _tape.Input(clockId);
        var t = IsLive ? Live.GetClockResolution(clockId) : default;
        var r = new Timespec(_tape.Result(t.Seconds), _tape.Result(t.Nanoseconds));
        _tape.End();
        return r;
    }

    public ulong ReadTimestampCounter()
    {
        Begin(EventKind.ReadTimestampCounter);
        ulong v = (ulong)_tape.Result(IsLive ? (long)Live.ReadTimestampCounter() : 0);
        _tape.End();
        return v;
    }

    public void GetRandomBytes(Span<byte> buffer)
    {
        Begin(EventKind.GetRandomBytes);
        _tape.Input(buffer.Length);
        if (IsLive) Live.GetRandomBytes(buffer);
        _tape.ResultBytes(buffer, buffer.Length);
        _tape.End();
    }

    public ProcessIdentity GetIdentity()
    {
        Begin(EventKind.GetIdentity);
        var id = IsLive ? Live.GetIdentity() : default;
        var r = new ProcessIdentity((int)_tape.Result(id.Pid), (int)_tape.Result(id.ParentPid), (uint)_tape.Result(id.Uid),
            (uint)_tape.Result(id.Gid), (uint)_tape.Result(id.EffectiveUid), (uint)_tape.Result(id.EffectiveGid));
        _tape.End();
        return r;
    }

    public string GetHostName()
    {
        Begin(EventKind.GetHostName);
        string r = _tape.Result(IsLive ? Live.GetHostName() : "");
        _tape.End();
        return r;
    }

    public SystemInfo GetSystemInfo()
    {
        Begin(EventKind.GetSystemInfo);
        var s = IsLive ? Live.GetSystemInfo() : default;
        var r = new SystemInfo(_tape.Result(s.UptimeSeconds), (ulong)_tape.Result((long)s.TotalRam), (ulong)_tape.Result((long)s.FreeRam),
            (ushort)_tape.Result(s.Processes));
        _tape.End();
        return r;
    }

    public long Sleep(Timespec duration)
    {
        Begin(EventKind.Sleep);
        _tape.Input(duration.Seconds);
        _tape.Input(duration.Nanoseconds);
        long r = _tape.Result(IsLive ? Live.Sleep(duration) : 0);
        _tape.End();
        return r;
    }

    public string GetInitialDirectory()
    {
        Begin(EventKind.GetInitialDirectory);
        string r = _tape.Result(IsLive ? Live.GetInitialDirectory() : "");
        _tape.End();
        return r;
    }
}
