namespace FtEmu.Replay;

/// <summary>Where guest output goes while a run is replayed (it already happened once, for real).</summary>
public interface IReplayOutput
{
    void Replayed(long handle, ReadOnlySpan<byte> data);
}

/// <summary>Shows replayed stdout and stderr again, as rr does.</summary>
public sealed class EchoOutput(Stream? stdout, Stream? stderr) : IReplayOutput
{
    public void Replayed(long handle, ReadOnlySpan<byte> data)
    {
        var s = handle == 1 ? stdout : handle == 2 ? stderr : null;
        if (s == null) return;
        s.Write(data);
        s.Flush();
    }
}

/// <summary>
/// The lockstep output rule on the primary: no externally visible output until the secondary has
/// acknowledged the log up to the event that produced it.
/// </summary>
public interface IOutputGate
{
    /// <summary>Blocks until every logged event before the current one is acknowledged and earlier held outputs are done.</summary>
    void BeforeEffect();

    /// <summary>True for handles whose writes may be held and batched (standard output and error).</summary>
    bool CanDefer(long handle);

    /// <summary>Holds a write (already logged as complete) until the secondary acknowledges the log up to it.</summary>
    void Defer(long handle, ReadOnlySpan<byte> data);
}
