namespace FtEmu.Lockstep;

/// <summary>
/// Decides who may go on when primary and secondary lose each other. A claim of generation G is
/// the atomic exclusive creation of the file PATH.gG (O_CREAT|O_EXCL, which is atomic on local
/// file systems and on NFSv3 and later), so each generation is won exactly once.
/// </summary>
/// <remarks>
/// Invariant: only the winner of generation G+1 may act on its own after losing its peer in
/// generation G; the loser stops without any further output. Without a path, every claim wins
/// (no protection against a partition: the user chose that).
/// </remarks>
public sealed class TieBreaker(string? path)
{
    public string? Path { get; } = path;

    /// <summary>The highest generation claimed so far (0 if none).</summary>
    public long CurrentGeneration()
    {
        if (Path == null) return 0;
        string dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
        string prefix = System.IO.Path.GetFileName(Path) + ".g";
        long max = 0;
        if (!Directory.Exists(dir)) return 0;
        foreach (var f in Directory.EnumerateFiles(dir, prefix + "*"))
        {
            if (long.TryParse(System.IO.Path.GetFileName(f)[prefix.Length..], out long g)) max = Math.Max(max, g);
        }
        return max;
    }

    /// <summary>Tries to win <paramref name="generation"/>; true if this caller created the claim.</summary>
    public bool TryClaim(long generation, string claimant)
    {
        if (Path == null) return true;
        try
        {
            using var f = new FileStream($"{Path}.g{generation}", FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            var text = System.Text.Encoding.UTF8.GetBytes($"{claimant}\n");
            f.Write(text);
            f.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
