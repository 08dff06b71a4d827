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
    public void FlushCompletedEvents()
    {
        int complete = _inEvent ? _eventStart : _log.Pending.Length;
        _log.Flush(complete);
        if (_inEvent)
        {
            // The event in progress moved to the front of the buffer.
            _payloadStart -= complete;
            _eventStart = 0;
        }
    }

    public LogWriter Writer => _log;

    /// <summary>Appends a checkpoint record at the current instruction count.</summary>
    public void WriteCheckpoint(Checkpoint checkpoint)
    {
        Begin(EventKind.Checkpoint);
        checkpoint.Write(_log.Pending);
        End();
    }

    /// <summary>Appends the End record that closes the log; the event count includes it.</summary>
    public void WriteEnd(int exitCode, int signal, Checkpoint final)
    {
        Begin(EventKind.End);
        new EndRecord(exitCode, signal, _log.EventCount, final).Write(_log.Pending);
        End();
    }
}
