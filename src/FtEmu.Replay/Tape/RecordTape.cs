namespace FtEmu.Replay;

/// <summary>Record mode: values come from the live host and are appended to the log.</summary>
public sealed class RecordTape : Tape
{
    private readonly LogWriter _log;
    private ulong _lastCount;
    private int _payloadStart;
    private int _eventStart;
    private bool _inEvent;

    public RecordTape(LogWriter log) => _log = log;

    public override bool IsLive => true;

    public override void Begin(EventKind kind)
    {
        ulong now = Clock();
        _eventStart = _log.Pending.Length;
        _inEvent = true;
        _log.Pending.Byte((byte)kind);
        _log.Pending.UVarint(now - _lastCount);
        _lastCount = now;
        _payloadStart = _log.Pending.BeginLength();
        _log.EventCount++;
    }

    public override void Input(long value) => _log.Pending.Varint(value);

    public override void Input(string value) => _log.Pending.String(value);

    public override long Result(long live)
    {
        _log.Pending.Varint(live);
        return live;
    }

    public override string Result(string live)
    {
        _log.Pending.String(live);
        return live;
    }

    public override void ResultBytes(Span<byte> buffer, long count) =>
        _log.Pending.Bytes(count > 0 ? buffer[..(int)count] : ReadOnlySpan<byte>.Empty);

    public override byte[] ResultBlob(byte[] live)
    {
        _log.Pending.Bytes(live);
        return live;
    }

    public override void End()
    {
        _log.Pending.EndLength(_payloadStart);
        _inEvent = false;
        _log.MaybeFlush();
    }

    /// <summary>
    /// Pushes every complete event out as a chunk, leaving the event in progress buffered: what a
    /// secondary needs before the primary may perform the output that event describes.
    /// </summary>
    public void FlushCompletedEvents() => _log.Flush(_inEvent ? _eventStart : _log.Pending.Length);

    public LogWriter Writer => _log;

    /// <summary>Session records (checkpoints, end) go through the same stream so that they are ordered with the events.</summary>
    public EventWriter Raw => _log.Pending;

    public void BeginSession(EventKind kind) => Begin(kind);

    public void EndSession() => End();
}
