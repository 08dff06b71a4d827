using System.Text;

namespace FtEmu.Replay;

/// <summary>What <c>ftemu info</c> shows about a recording, gathered without running it.</summary>
public sealed record LogInfo(LogHeader Header, bool Complete, long? TruncatedAt, ulong Instructions, SortedDictionary<EventKind, long> Counts,
    long RawBytes, long StoredBytes, long FileBytes, string? FinalHash, int? ExitCode)
{
    public static LogInfo Read(Stream stream, string name)
    {
        long fileBytes = stream.CanSeek ? stream.Length : -1;
        using var reader = new LogReader(stream, name);
        var events = new EventReader();
        var counts = new SortedDictionary<EventKind, long>();
        ulong count = 0;
        string? finalHash = null;
        int? exitCode = null;
        while (reader.NextChunk(events))
        {
            while (!events.AtEnd)
            {
                var kind = (EventKind)events.Byte();
                count += events.UVarint();
                ulong length = events.UVarint();
                counts[kind] = counts.GetValueOrDefault(kind) + 1;
                if (kind == EventKind.End)
                {
                    int start = events.Position;
                    var end = EndRecord.Read(events, count);
                    exitCode = end.ExitCode;
                    finalHash = end.Final.HashHex;
                    events.Skip(length - (ulong)(events.Position - start));
                }
                else events.Skip(length);
            }
        }
        return new LogInfo(reader.Header, reader.IsComplete && reader.TruncatedAt == null, reader.TruncatedAt, count, counts,
            reader.RawBytes, reader.StoredBytes, fileBytes, finalHash, exitCode);
    }

    public string Format()
    {
        var h = Header;
        var sb = new StringBuilder();
        sb.AppendLine($"format version:      {LogFormat.Version}");
        sb.AppendLine($"emulator version:    {h.EmulatorVersion}");
        sb.AppendLine($"cpu model:           {h.CpuModel}");
        sb.AppendLine($"program:             {h.ExecPath}");
        sb.AppendLine($"program sha256:      {Convert.ToHexString(h.ImageSha256).ToLowerInvariant()}");
        sb.AppendLine($"program image:       {(h.Image != null ? $"embedded ({h.Image.Length} bytes)" : $"referenced: {h.ImageHostPath}")}");
        sb.AppendLine($"argv:                {string.Join(' ', h.Argv.Select(Quote))}");
        sb.AppendLine($"environment:         {h.Envp.Count} variables");
        sb.AppendLine($"root:                {h.Root ?? "(host root)"}");
        sb.AppendLine($"working directory:   {h.WorkingDirectory}");
        sb.AppendLine($"checkpoint interval: {h.CheckpointInterval} instructions");
        sb.AppendLine($"complete:            {(Complete ? "yes" : TruncatedAt is long t ? $"no (cut short at offset {t})" : "no (not marked complete)")}");
        sb.AppendLine($"run length:          {Instructions} instructions");
        sb.AppendLine($"exit status:         {(ExitCode?.ToString() ?? "(unknown)")}");
        sb.AppendLine($"final state hash:    {FinalHash ?? "(none)"}");
        double ratio = StoredBytes > 0 ? (double)RawBytes / StoredBytes : 0;
        sb.AppendLine($"event data:          {RawBytes} bytes raw, {StoredBytes} bytes in chunks ({ratio:F2}x), file {FileBytes} bytes");
        sb.AppendLine("events:");
        foreach (var (kind, n) in Counts) sb.AppendLine($"  {kind,-22}{n}");
        return sb.ToString();
    }

    private static string Quote(string s) => s.Length > 0 && s.All(c => char.IsLetterOrDigit(c) || "-_./=:,+".Contains(c)) ? s : "'" + s.Replace("'", "'\\''") + "'";
}
