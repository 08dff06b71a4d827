namespace FtEmu.Replay;

/// <summary>Live operation with nothing recorded: what a former secondary runs on after failover, until a new secondary joins.</summary>
public sealed class PassThroughTape : Tape
{
    public override bool IsLive => true;
    public override void Begin(EventKind kind) { }
    public override void Input(long value) { }
    public override void Input(string value) { }
    public override long Result(long live) => live;
    public override string Result(string live) => live;
    public override void ResultBytes(Span<byte> buffer, long count) { }
    public override byte[] ResultBlob(byte[] live) => live;
    public override void End() { }
}
