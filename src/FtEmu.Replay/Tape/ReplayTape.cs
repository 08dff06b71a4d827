namespace FtEmu.Replay;

/// <summary>
/// Replay mode: values come from the log. Each event's kind and instruction count must match the
/// replayed run exactly; inputs must match what was recorded. The first mismatch is a divergence.
/// </summary>
public sealed class ReplayTape : Tape
{
    private readonly LogReader _log;
    private readonly EventReader _events = new();
    private ulong _lastCount;
    private bool _exhausted;

    public ReplayTape(LogReader log) => _log = log;

    public override bool IsLive => false;

    /// <summary>The last event that matched, for divergence reports.</summary>
    public string LastMatched { get; private set; } = "(none yet)";
    public long EventsConsumed { get; private set; }

    private ulong _payloadLength;
    private int _payloadStart;
    private EventKind _current;
    private ulong _currentCount;

    /// <summary>Reads the next event header; false when the recording has no more events.</summary>
    private bool NextHeader(out EventKind kind, out ulong count)
    {
        kind = 0;
        count = 0;
        while (_events.AtEnd)
        {
            if (_exhausted || !_log.NextChunk(_events))
            {
                _exhausted = true;
                return false;
            }
        }
        kind = (EventKind)_events.Byte();
        count = _lastCount + _events.UVarint();
        _payloadLength = _events.UVarint();
        _payloadStart = _events.Position;
        return true;
    }

    public override void Begin(EventKind kind)
    {
        ulong now = Clock();
        if (!NextHeader(out var recorded, out var count))
            throw new EndOfRecordingException(_log.TruncatedAt is long t
                ? $"the recording is cut short at offset {t}; replay stopped there at instruction {now}"
                : $"the recording has no more events, but the run asked for {kind} at instruction {now}");
        if (recorded != kind || count != now)
            throw new DivergenceException($"expected {recorded} at instruction {count}, but the run asked for {kind} at instruction {now}");
        _lastCount = count;
        _current = kind;
        _currentCount = count;
        EventsConsumed++;
    }

    public override void Input(long value)
    {
        long recorded = _events.Varint();
        if (recorded != value)
            throw new DivergenceException($"{_current} at instruction {_currentCount}: argument {value} where {recorded} was recorded");
    }

    public override void Input(string value)
    {
        string recorded = _events.String();
        if (recorded != value)
            throw new DivergenceException($"{_current} at instruction {_currentCount}: argument \"{value}\" where \"{recorded}\" was recorded");
    }

    public override long Result(long live) => _events.Varint();

    public override string Result(string live) => _events.String();

    public override void ResultBytes(Span<byte> buffer, long count)
    {
        var data = _events.Bytes();
        if (data.Length > buffer.Length)
            throw new DivergenceException($"{_current} at instruction {_currentCount}: {data.Length} recorded bytes do not fit a {buffer.Length}-byte buffer");
        data.CopyTo(buffer);
    }

    public override byte[] ResultBlob(byte[] live) => _events.Bytes().ToArray();

    public override void End()
    {
        if ((ulong)(_events.Position - _payloadStart) != _payloadLength)
            throw new LogFormatException($"{_current} event at instruction {_currentCount} has a malformed payload (chunk at offset {_events.ChunkOffset})");
        LastMatched = $"{_current} at instruction {_currentCount}";
    }

    /// <summary>Reads a session record (checkpoint or end) that must come next.</summary>
    public EventReader? ReadSession(EventKind kind, out ulong count)
    {
        if (!NextHeader(out var recorded, out count)) return null;
        if (recorded != kind)
            throw new DivergenceException($"expected {kind} at instruction {Clock()}, found {recorded} at instruction {count}");
        _lastCount = count;
        return _events;
    }

    public LogReader Log => _log;
}
