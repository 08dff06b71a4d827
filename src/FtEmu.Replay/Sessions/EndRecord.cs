namespace FtEmu.Replay;

/// <summary>
/// The End record that closes a log: exit status, terminating signal, event count and the final
/// checkpoint. This is its only encoding; writers and readers of logs all go through it.
/// </summary>
public sealed record EndRecord(int ExitCode, int Signal, long Events, Checkpoint Final)
{
    public void Write(EventWriter w)
    {
        w.Varint(ExitCode);
        w.Varint(Signal);
        w.UVarint((ulong)Events);
        Final.Write(w);
    }

    /// <param name="count">The record's instruction count: the run length.</param>
    public static EndRecord Read(EventReader r, ulong count) =>
        new((int)r.Varint(), (int)r.Varint(), (long)r.UVarint(), Checkpoint.Read(r, count));
}
