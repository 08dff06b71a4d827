using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace FtEmu.Tests.Busybox;

/// <summary>
/// Writes the deterministic input files the busybox applet cases read into a fresh directory.
/// Everything comes from a fixed-seed generator, so every run (and both sides of a run) sees the same bytes.
/// </summary>
internal static class BusyboxInputs
{
    private static readonly string[] s_vocabulary =
    {
        "alpha", "Bravo", "charlie", "delta", "Echo", "foxtrot", "golf", "hotel", "India", "juliet", "kilo",
        "lima", "Mike", "november", "oscar", "papa", "quebec", "Romeo", "sierra", "tango", "uniform", "victor",
        "whiskey", "x-ray", "yankee", "zulu", "emulator", "determinism", "replay", "lockstep", "x86", "syscall",
    };

    public static void Write(string dir)
    {
        var rng = new SplitMix(0x5eed_f7e3_0001UL);

        // words.txt: 2500 lines of one to six words, with duplicates and mixed case (~40 KB).
        var words = new StringBuilder();
        for (int i = 0; i < 2500; i++)
        {
            int n = 1 + rng.Next(6);
            for (int w = 0; w < n; w++)
            {
                if (w > 0) words.Append(' ');
                words.Append(s_vocabulary[rng.Next(s_vocabulary.Length)]);
            }
            words.Append('\n');
        }
        File.WriteAllText(Path.Combine(dir, "words.txt"), words.ToString());
        // sorted.txt: the same lines in byte order, so uniq sees runs.
        var sorted = words.ToString().TrimEnd('\n').Split('\n').Order(StringComparer.Ordinal);
        File.WriteAllText(Path.Combine(dir, "sorted.txt"), string.Concat(sorted.Select(l => l + "\n")));

        // table.txt: whitespace-separated columns: name, integer, decimal, word (~15 KB).
        var table = new StringBuilder();
        for (int i = 0; i < 600; i++)
        {
            long whole = rng.Next(200_000) - 100_000;
            int cents = rng.Next(1000);
            table.Append($"row{i:D4} {rng.Next(1000) - 300} {whole / 100}.{cents:D3} {s_vocabulary[rng.Next(s_vocabulary.Length)]}\n");
        }
        File.WriteAllText(Path.Combine(dir, "table.txt"), table.ToString());

        // table.csv: the same kind of data, comma separated, for sort -t and awk -F.
        var csv = new StringBuilder();
        for (int i = 0; i < 400; i++)
            csv.Append($"{s_vocabulary[rng.Next(s_vocabulary.Length)]},{rng.Next(50)},{rng.Next(100_000) / 7.0:F4},id{rng.Next(10_000)}\n");
        File.WriteAllText(Path.Combine(dir, "table.csv"), csv.ToString());

        // nums.txt: 1500 signed integers, one per line.
        var nums = new StringBuilder();
        for (int i = 0; i < 1500; i++) nums.Append(rng.Next(2_000_001) - 1_000_000).Append('\n');
        File.WriteAllText(Path.Combine(dir, "nums.txt"), nums.ToString());

        // data.bin: 12 KB of binary with runs (compressible) and noise.
        var bin = new byte[12 * 1024];
        for (int i = 0; i < bin.Length; i++) bin[i] = (i / 256 % 3 == 0) ? (byte)(i & 0x0f) : (byte)rng.Next(256);
        File.WriteAllBytes(Path.Combine(dir, "data.bin"), bin);

        // prose.txt: long lines with tabs, for fold/expand/nl/rev.
        var prose = new StringBuilder();
        for (int i = 0; i < 120; i++)
        {
            int n = 3 + rng.Next(25);
            for (int w = 0; w < n; w++)
            {
                prose.Append(s_vocabulary[rng.Next(s_vocabulary.Length)]);
                prose.Append(rng.Next(7) == 0 ? '\t' : ' ');
            }
            prose.Append(i % 10 == 9 ? "\n\n" : "\n");
        }
        File.WriteAllText(Path.Combine(dir, "prose.txt"), prose.ToString());

        // left.txt / right.txt: sorted overlapping sets for comm; v1/v2: an edited copy for diff and cmp.
        var left = new SortedSet<string>(StringComparer.Ordinal);
        var right = new SortedSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < 400; i++)
        {
            string item = $"{s_vocabulary[rng.Next(s_vocabulary.Length)]}{rng.Next(300)}";
            if (rng.Next(3) != 0) left.Add(item);
            if (rng.Next(3) != 0) right.Add(item);
        }
        File.WriteAllText(Path.Combine(dir, "left.txt"), string.Concat(left.Select(s => s + "\n")));
        File.WriteAllText(Path.Combine(dir, "right.txt"), string.Concat(right.Select(s => s + "\n")));
        var lines = prose.ToString().Split('\n').ToList();
        File.WriteAllText(Path.Combine(dir, "v1.txt"), string.Join('\n', lines));
        lines[5] = "a changed line";
        lines.RemoveAt(40);
        lines.Insert(77, "an inserted line");
        lines[100] = lines[100].ToUpperInvariant();
        File.WriteAllText(Path.Combine(dir, "v2.txt"), string.Join('\n', lines));

        // Compressed and encoded forms made by the host's own libraries (not by busybox).
        using (var fs = File.Create(Path.Combine(dir, "words.txt.gz")))
        using (var gz = new GZipStream(fs, CompressionLevel.Optimal))
            gz.Write(Encoding.ASCII.GetBytes(words.ToString()));
        File.WriteAllText(Path.Combine(dir, "data.b64"), Convert.ToBase64String(bin, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n") + "\n");

        // Checksum lists for -c: most entries right, one deliberately wrong.
        string Md5(string f) => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(Path.Combine(dir, f))));
        string Sha256(string f) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, f))));
        File.WriteAllText(Path.Combine(dir, "good.md5"), $"{Md5("words.txt")}  words.txt\n{Md5("data.bin")}  data.bin\n{Md5("nums.txt")}  nums.txt\n");
        File.WriteAllText(Path.Combine(dir, "bad.sha256"), $"{Sha256("words.txt")}  words.txt\n{new string('0', 64)}  data.bin\n");

        // tree/: a small directory tree for find, ls and tar.
        string tree = Path.Combine(dir, "tree");
        foreach (var sub in new[] { "src/core", "src/util", "docs", "empty", "src/core/deep/deeper" })
            Directory.CreateDirectory(Path.Combine(tree, sub));
        string[] files = { "src/core/cpu.c", "src/core/cpu.h", "src/util/list.c", "src/util/README", "docs/guide.md", "docs/notes.txt", "src/core/deep/deeper/leaf.c", "top.txt" };
        foreach (var f in files)
            File.WriteAllText(Path.Combine(tree, f), $"file {f}\n" + new string('x', rng.Next(3000)) + "\n");
        // Fixed times, so that ls -l and tar see the same values whenever the tree is made.
        var stamp = new DateTime(2024, 2, 29, 12, 34, 56, DateTimeKind.Utc);
        foreach (var f in files) File.SetLastWriteTimeUtc(Path.Combine(tree, f), stamp);
        foreach (var d in Directory.GetDirectories(tree, "*", SearchOption.AllDirectories).Append(tree))
            Directory.SetLastWriteTimeUtc(d, stamp);

        // words.txt.bz2 needs a bzip2 compressor; .NET has none, so the host busybox makes it natively.
        RunNativeToFile(new[] { "bzip2", "-c", "words.txt" }, dir, Path.Combine(dir, "words.txt.bz2"));
    }

    private static void RunNativeToFile(string[] args, string cwd, string output)
    {
        var r = GuestRunner.RunNative(BusyboxAppletTests.Busybox, args, null, cwd);
        if (r.ExitCode != 0) throw new InvalidOperationException($"native busybox {string.Join(' ', args)} failed: {r}");
        File.WriteAllBytes(output, r.Stdout);
    }

    /// <summary>SplitMix64: tiny, fixed, and the same on every platform.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextU64()
        {
            ulong z = _state += 0x9e3779b97f4a7c15UL;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
            return z ^ (z >> 31);
        }

        public int Next(int bound) => (int)(NextU64() % (ulong)bound);
    }
}
