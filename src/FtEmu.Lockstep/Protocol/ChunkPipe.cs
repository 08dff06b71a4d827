namespace FtEmu.Lockstep;

/// <summary>
/// The secondary's view of the incoming log as a stream: the receiver appends bytes, the replay
/// reads them, blocking while none are there. After <see cref="Complete"/> (failover, or the
/// primary said goodbye) reads drain what is left and then see the end of the stream.
/// </summary>
public sealed class ChunkPipe : Stream
{
    private readonly Queue<byte[]> _pieces = new();
    private byte[]? _current;
    private int _pos;
    private bool _complete;

    public void Append(byte[] data)
    {
        lock (_pieces)
        {
            _pieces.Enqueue(data);
            Monitor.PulseAll(_pieces);
        }
    }

    public void Complete()
    {
        lock (_pieces)
        {
            _complete = true;
            Monitor.PulseAll(_pieces);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0) return 0;
        if (_current == null || _pos == _current.Length)
        {
            lock (_pieces)
            {
                while (_pieces.Count == 0 && !_complete) Monitor.Wait(_pieces);
                if (_pieces.Count == 0) return 0;
                _current = _pieces.Dequeue();
                _pos = 0;
            }
        }
        int n = Math.Min(buffer.Length, _current.Length - _pos);
        _current.AsSpan(_pos, n).CopyTo(buffer);
        _pos += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
