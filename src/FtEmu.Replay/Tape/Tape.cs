namespace FtEmu.Replay;

/// <summary>
/// One side of the event stream. A boundary call is written once against this API: in record
/// mode every value goes live and is appended to the log; in replay mode every value comes from
/// the log instead, and the inputs the guest passed are checked against what was recorded.
/// </summary>
public abstract class Tape
{
    /// <summary>The retired-instruction count, the clock every event is stamped with.</summary>
    public Func<ulong> Clock { get; set; } = () => 0;

    /// <summary>True when the host must really be asked (recording, or live after failover).</summary>
    public abstract bool IsLive { get; }

    /// <summary>Starts an event: records its kind and instruction count, or checks them on replay.</summary>
    public abstract void Begin(EventKind kind);

    /// <summary>A value the guest passed in; replay stops with a divergence if it differs.</summary>
    public abstract void Input(long value);

    public abstract void Input(string value);

    /// <summary>A result from the host: returns <paramref name="live"/> when recording, the recorded value when replaying.</summary>
    public abstract long Result(long live);

    public abstract string Result(string live);

    /// <summary>Bytes the host wrote into <paramref name="buffer"/>[0..count].</summary>
    public abstract void ResultBytes(Span<byte> buffer, long count);

    /// <summary>A variable-length byte result (e.g. a serialized listing).</summary>
    public abstract byte[] ResultBlob(byte[] live);

    public abstract void End();
}

/// <summary>The replayed run asked the boundary for something other than what was recorded.</summary>
public sealed class DivergenceException(string message) : Exception(message);

/// <summary>The recording has no more events (it ended, or was cut short).</summary>
public sealed class EndOfRecordingException(string message) : Exception(message);
