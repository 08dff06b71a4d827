using FtEmu.Linux;

namespace FtEmu.Replay;

/// <summary>
/// The boundary seen through a tape: every method is written once. Recording, it asks the live
/// host and logs the answer; replaying, it returns the logged answer and performs no external
/// effect (guest output to stdout/stderr is shown again unless quiet, as rr does).
/// </summary>
public sealed partial class TapedHost : IHostBoundary
{
    private readonly Tape _tape;
    private readonly IHostBoundary? _live;
    private readonly Stream? _echoOut;
    private readonly Stream? _echoErr;

    /// <summary>Recording: <paramref name="live"/> answers and the tape records.</summary>
    public TapedHost(RecordTape tape, IHostBoundary live)
    {
        _tape = tape;
        _live = live;
    }

    /// <summary>Replaying: the tape answers; output is echoed to the given streams (null: quiet).</summary>
    public TapedHost(ReplayTape tape, Stream? echoStdout, Stream? echoStderr)
    {
        _tape = tape;
        _echoOut = echoStdout;
        _echoErr = echoStderr;
    }

    private IHostBoundary Live => _live!;
    private bool IsLive => _tape.IsLive;

    // ---- Time, randomness, identity ----

    public Timespec GetTime(int clockId)
    {
        _tape.Begin(EventKind.GetTime);
        _tape.Input(clockId);
        var t = IsLive ? Live.GetTime(clockId) : default;
        var r = new Timespec(_tape.Result(t.Seconds), _tape.Result(t.Nanoseconds));
        _tape.End();
        return r;
    }

    public Timespec GetClockResolution(int clockId)
    {
        _tape.Begin(EventKind.GetClockResolution);
        _tape.Input(clockId);
        var t = IsLive ? Live.GetClockResolution(clockId) : default;
        var r = new Timespec(_tape.Result(t.Seconds), _tape.Result(t.Nanoseconds));
        _tape.End();
        return r;
    }

    public ulong ReadTimestampCounter()
    {
        _tape.Begin(EventKind.ReadTimestampCounter);
        ulong v = (ulong)_tape.Result(IsLive ? (long)Live.ReadTimestampCounter() : 0);
        _tape.End();
        return v;
    }

    public void GetRandomBytes(Span<byte> buffer)
    {
        _tape.Begin(EventKind.GetRandomBytes);
        _tape.Input(buffer.Length);
        if (IsLive) Live.GetRandomBytes(buffer);
        _tape.ResultBytes(buffer, buffer.Length);
        _tape.End();
    }

    public ProcessIdentity GetIdentity()
    {
        _tape.Begin(EventKind.GetIdentity);
        var id = IsLive ? Live.GetIdentity() : default;
        var r = new ProcessIdentity((int)_tape.Result(id.Pid), (int)_tape.Result(id.ParentPid), (uint)_tape.Result(id.Uid),
            (uint)_tape.Result(id.Gid), (uint)_tape.Result(id.EffectiveUid), (uint)_tape.Result(id.EffectiveGid));
        _tape.End();
        return r;
    }

    public string GetHostName()
    {
        _tape.Begin(EventKind.GetHostName);
        string r = _tape.Result(IsLive ? Live.GetHostName() : "");
        _tape.End();
        return r;
    }

    public SystemInfo GetSystemInfo()
    {
        _tape.Begin(EventKind.GetSystemInfo);
        var s = IsLive ? Live.GetSystemInfo() : default;
        var r = new SystemInfo(_tape.Result(s.UptimeSeconds), (ulong)_tape.Result((long)s.TotalRam), (ulong)_tape.Result((long)s.FreeRam),
            (ushort)_tape.Result(s.Processes));
        _tape.End();
        return r;
    }

    public long Sleep(Timespec duration)
    {
        _tape.Begin(EventKind.Sleep);
        _tape.Input(duration.Seconds);
        _tape.Input(duration.Nanoseconds);
        long r = _tape.Result(IsLive ? Live.Sleep(duration) : 0);
        _tape.End();
        return r;
    }

    public string GetInitialDirectory()
    {
        _tape.Begin(EventKind.GetInitialDirectory);
        string r = _tape.Result(IsLive ? Live.GetInitialDirectory() : "");
        _tape.End();
        return r;
    }
}
