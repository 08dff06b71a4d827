using System.Text.Json;

namespace FtEmu.Lockstep;

/// <summary>The small JSON document <c>--status-file</c> keeps current; written to a temporary file and renamed, so readers never see half of it.</summary>
public static class StatusFile
{
    public sealed record Status(FtState State, string Role, long Generation, string? Peer, ulong Instructions, ulong LagInstructions,
        long LagMs, double LogBytesPerSecond, int HeldOutputs, long HeldBytes, long LastSnapshotPauseMs);

    public static void Write(string path, Status s)
    {
        string tmp = path + ".tmp";
        using (var f = File.Create(tmp))
        using (var w = new Utf8JsonWriter(f, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("state", s.State.ToString());
            w.WriteString("role", s.Role);
            w.WriteNumber("generation", s.Generation);
            if (s.Peer != null) w.WriteString("secondary", s.Peer);
            else w.WriteNull("secondary");
            w.WriteNumber("instructions", s.Instructions);
            w.WriteNumber("lagInstructions", s.LagInstructions);
            w.WriteNumber("lagMilliseconds", s.LagMs);
            w.WriteNumber("logBytesPerSecond", Math.Round(s.LogBytesPerSecond));
            w.WriteNumber("heldOutputs", s.HeldOutputs);
            w.WriteNumber("heldBytes", s.HeldBytes);
            w.WriteNumber("lastSnapshotPauseMilliseconds", s.LastSnapshotPauseMs);
            w.WriteEndObject();
        }
        File.Move(tmp, path, overwrite: true);
    }
}
