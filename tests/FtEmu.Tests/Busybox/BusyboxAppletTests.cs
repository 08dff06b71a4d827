using Xunit;

namespace FtEmu.Tests.Busybox;

/// <summary>
/// Debian's static busybox (/bin/busybox, package busybox-static) run on real input natively and under
/// FtEmu: stdout, stderr and exit status must be identical. Each test gets a fresh directory of
/// generated input files as its working directory; no case writes files, so both sides see the same tree.
/// Shell cases use builtins only: FtEmu does not run fork/exec yet.
/// </summary>
public sealed class BusyboxAppletTests : IDisposable
{
    public const string Busybox = "/bin/busybox";

    /// <summary>One applet invocation: argv after argv[0], an optional input file for stdin, and the native exit status it must have.</summary>
    public sealed record Case(string[] Args, string? Stdin = null, int Exit = 0);

    private static readonly Dictionary<string, Case> s_cases = new(StringComparer.Ordinal)
    {
        // sort
        ["sort"] = new(["sort", "words.txt"]),
        ["sort -n"] = new(["sort", "-n", "nums.txt"]),
        ["sort -r -n stdin"] = new(["sort", "-r", "-n"], "nums.txt"),
        ["sort -u -f"] = new(["sort", "-u", "-f", "words.txt"]),
        ["sort -k"] = new(["sort", "-s", "-k3,3n", "-k1,1r", "table.txt"]),
        ["sort -t, -k"] = new(["sort", "-t", ",", "-k2,2n", "-k4,4r", "table.csv"]),

        // sed
        ["sed s///g"] = new(["sed", "-e", "s/a/A/g", "-e", @"s/\(e\)\([a-z]\)/\2\1/", "words.txt"]),
        ["sed -n p"] = new(["sed", "-n", "/^[A-Z]/p", "words.txt"]),
        ["sed ranges"] = new(["sed", "3,500d;/^alpha/,/delta/s/ /_/g;1000q", "words.txt"]),
        ["sed y and = stdin"] = new(["sed", "-n", "y/abcdef/ABCDEF/;/zulu$/{=;p};$=", "-"], "words.txt"),

        // awk, with floating point
        ["awk float sums"] = new(["awk", "{ s += $3; q += $3 * $3 } END { m = q / NR; r = m; for (k = 0; k < 60; k++) r = (r + m / r) / 2; printf \"%.6f %.6f %.6f %.3e %d\\n\", s, q, r, s / q, NR }", "table.txt"]),
        // Debian's busybox awk has no libm functions (sqrt, exp, ^): series and Newton's method in awk instead.
        ["awk series"] = new(["awk", "BEGIN { for (i = 1; i <= 150; i++) { x = i / 37; e = 1; t = 1; for (k = 1; k < 30; k++) { t = t * x / k; e += t }; r = i; for (k = 0; k < 30; k++) r = (r + i / r) / 2; printf \"%d %.6f %.6f %.10e %g %.15g %d\\n\", i, r, e, e * 1e-7 / i, 1 / i, i / 7 * 3, i * i * i * 65536 } }"]),
        ["awk int division"] = new(["awk", "{ printf \"%d %d %d %s %s\\n\", int($2 / 7), $2 % 7, int(-$2 / 3), $2 / 8, $3 * 1.1 }", "table.txt"]),
        ["awk string functions"] = new(["awk", "{ n = split($0, a, \" \"); out = toupper(substr($1, 1, 3)) tolower(a[n]); gsub(/[aeiou]/, \"#\", out); printf \"%s %d %d %s\\n\", out, length($0), index($0, \"a\"), sprintf(\"%05.1f\", n * 1.5) } NR % 3 == 0 { sub(/o/, \"0\"); print }", "words.txt"]),
        ["awk arrays"] = new(["awk", "{ for (i = 1; i <= NF; i++) c[$i]++ } END { for (w in c) print w, c[w], c[w] / NR }", "words.txt"]),
        ["awk -F, stdin"] = new(["awk", "-F,", "$2 > 25 { t += $3; m = ($3 > m ? $3 : m) } END { printf \"%.4f %.4f %g %e\\n\", t, m, t / NR, t * 1e-3 }"], "table.csv"),

        // digests
        ["sha256sum"] = new(["sha256sum", "words.txt", "data.bin", "nums.txt"]),
        ["sha1sum"] = new(["sha1sum", "words.txt", "data.bin"]),
        ["md5sum"] = new(["md5sum", "words.txt", "data.bin", "prose.txt"]),
        ["sha512sum stdin"] = new(["sha512sum"], "data.bin"),
        ["sha3sum"] = new(["sha3sum", "-a", "256", "data.bin", "words.txt"]),
        ["crc32"] = new(["crc32", "data.bin"]),
        ["md5sum -c"] = new(["md5sum", "-c", "good.md5"]),
        ["sha256sum -c mismatch"] = new(["sha256sum", "-c", "bad.sha256"], Exit: 1),

        // compression: the compressed bytes must match too
        ["gzip -c"] = new(["gzip", "-c", "words.txt"]),
        ["gzip -9 stdin"] = new(["gzip", "-9", "-c"], "data.bin"),
        ["gunzip -c"] = new(["gunzip", "-c", "words.txt.gz"]),
        ["bzip2 -c"] = new(["bzip2", "-c", "words.txt"]),
        ["bunzip2 -c"] = new(["bunzip2", "-c", "words.txt.bz2"]),

        // dumps and encodings
        ["od -A x -t x1 -t c"] = new(["od", "-A", "x", "-t", "x1", "-t", "c", "data.bin"]),
        ["od -t f8"] = new(["od", "-A", "d", "-t", "f8", "-N", "4096", "data.bin"]),
        ["base64"] = new(["base64", "data.bin"]),
        ["base64 -d"] = new(["base64", "-d", "data.b64"]),
        ["hexdump -C"] = new(["hexdump", "-C", "data.bin"]),
        ["xxd"] = new(["xxd", "-g", "4", "-c", "12", "data.bin"]),
        ["uuencode"] = new(["uuencode", "-m", "data.bin", "name"], "data.bin"),

        // text tools
        ["wc"] = new(["wc", "words.txt", "prose.txt", "data.bin"]),
        ["wc -l stdin"] = new(["wc", "-l"], "nums.txt"),
        ["tr upper"] = new(["tr", "a-z", "A-Z"], "words.txt"),
        ["tr -d -s"] = new(["tr", "-s", " aeiou", "\n_"], "prose.txt"),
        ["cut -d -f"] = new(["cut", "-d", " ", "-f", "2,4", "table.txt"]),
        ["cut -c"] = new(["cut", "-c", "3-9,12-", "words.txt"]),
        ["uniq -c"] = new(["uniq", "-c", "sorted.txt"]),
        ["uniq -d -i"] = new(["uniq", "-d", "-i", "sorted.txt"]),
        ["head -n"] = new(["head", "-n", "17", "words.txt"]),
        ["head -c stdin"] = new(["head", "-c", "1000"], "data.bin"),
        ["tail -n"] = new(["tail", "-n", "25", "words.txt"]),
        ["tail -n +N"] = new(["tail", "-n", "+2400", "words.txt"]),
        ["grep -c"] = new(["grep", "-c", "alpha", "words.txt"]),
        ["grep -i -n"] = new(["grep", "-i", "-n", "india", "words.txt"]),
        ["grep -v"] = new(["grep", "-v", "o", "words.txt"]),
        ["grep -E"] = new(["grep", "-E", "-o", "(x-ray|zulu) [a-z]+[0-9]*|^[A-Z][a-z]{4}$", "words.txt"]),
        ["grep no match"] = new(["grep", "nothing-like-this", "words.txt"], Exit: 1),
        ["cat"] = new(["cat", "words.txt", "data.bin", "prose.txt"]),
        ["cat -n stdin"] = new(["cat", "-n"], "prose.txt"),
        ["tac"] = new(["tac", "prose.txt"]),
        ["rev"] = new(["rev", "prose.txt"]),
        ["nl"] = new(["nl", "-b", "a", "-w", "4", "-s", ": ", "prose.txt"]),
        ["fold -s"] = new(["fold", "-w", "40", "-s", "prose.txt"]),
        ["expand"] = new(["expand", "-t", "5", "prose.txt"]),
        ["unexpand"] = new(["unexpand", "-a", "words.txt"]),
        ["paste"] = new(["paste", "-d", ":", "left.txt", "right.txt"]),
        ["uniq -u"] = new(["uniq", "-u", "sorted.txt"]),
        ["diff"] = new(["diff", "left.txt", "right.txt"], Exit: 1),
        ["cmp differ"] = new(["cmp", "v1.txt", "v2.txt"], Exit: 1),
        ["cmp -l"] = new(["cmp", "-l", "left.txt", "right.txt"], Exit: 1),
        ["diff -u"] = new(["diff", "-u", "v1.txt", "v2.txt"], Exit: 1),
        ["unix2dos stdin"] = new(["unix2dos"], "prose.txt"),

        // files and directories (readdir order is the host's on both sides)
        ["find -name"] = new(["find", "tree", "-name", "*.c"]),
        ["find -type d"] = new(["find", "tree", "-type", "d"]),
        ["find -type f -size"] = new(["find", ".", "-type", "f", "-size", "+2k"]),
        ["ls -lnR"] = new(["ls", "-lnR", "tree"]),
        ["tar -c"] = new(["tar", "-c", "-f", "-", "tree"]),

        // numbers
        ["expr"] = new(["expr", "123456789", "*", "987", "%", "1000007"]),
        ["expr match"] = new(["expr", "abc123def", ":", "[a-z]*\\([0-9]*\\)"]),
        ["factor"] = new(["factor", "1", "2", "97", "600851475143", "4294967297", "1000000007", "9223372036854775807", "18446744073709551615", "4294967291", "1099511627791", "999999999989"]),
        ["seq -w -s"] = new(["seq", "-w", "-s", ",", "1", "3", "1000"]),
        ["seq float"] = new(["seq", "0.5", "0.125", "9"]),
        ["printf"] = new(["printf", "%5d|%-8s|%x|%o|%e|%.3f|%g|%c|%%\\n", "42", "str", "255", "8", "12345.678", "3.14159", "0.0001234", "Z"]),
        ["dc"] = new(["dc"], "dc.txt"),
        ["bc -l"] = new(["bc", "-l"], "bc.txt"),

        // sh -c with builtins only
        ["sh arithmetic loop"] = new(["sh", "-c", "i=0; s=0; while [ $i -lt 3000 ]; do s=$(( (s * 31 + i) % 1000003 )); i=$((i + 1)); done; echo $s $(( 1 << 40 )) $(( -17 / 5 )) $(( -17 % 5 )) $(( 0x7fffffff * 3 )) $(( 7 > 3 && 2 < 1 )) $(( 5 ? 6 : 7 ))"]),
        ["sh functions case strings"] = new(["sh", "-c", "f() { local x=\"$1\"; case \"$x\" in a*) echo \"A:${x#a}\";; *[0-9]) echo \"num:${x%%[0-9]*}\";; *) echo \"other:${#x}\";; esac; }; for w in alpha beta42 gamma a1 zz; do f \"$w\"; done; s=hello_world_foo; echo ${s%_*} ${s##*_} ${s/o/0} ${s//o/0} ${s:2:5} ${#s} ${unset:-dflt}"]),
        ["sh read stdin"] = new(["sh", "-c", "total=0; while read -r name a b c; do total=$((total + a)); printf '%s=%d %s\\n' \"$name\" $((a * 2)) \"$c\"; done; echo total=$total"], "table.txt"),
        ["sh set -- and IFS"] = new(["sh", "-c", "set -- a 'b c' d; echo $#; for a in \"$@\"; do echo \"[$a]\"; done; shift 2; echo \"$@\"; IFS=:; x='1:2::3'; set -- $x; echo $#; for a; do printf '<%s>' \"$a\"; done; echo"]),
        ["sh test builtin"] = new(["sh", "-c", "for f in words.txt tree nosuch data.bin; do if [ -f \"$f\" ]; then echo \"$f file\"; elif [ -d \"$f\" ]; then echo \"$f dir\"; else echo \"$f none\"; fi; done; [ abc \\< abd ] && echo lt; test 10 -gt 9 -a -n x && echo ok; [ -s words.txt ] && echo nonempty; false || echo or; true && echo and"]),
        ["sh exit status"] = new(["sh", "-c", "echo before; exit 7"], Exit: 7),
    };

    private readonly string _dir;

    public BusyboxAppletTests()
    {
        if (!File.Exists(Busybox)) throw new InvalidOperationException("these tests need Debian's busybox-static (/bin/busybox); ./test.sh installs it");
        _dir = Path.Combine(Path.GetTempPath(), "ftemu-bb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        BusyboxInputs.Write(_dir);
        File.WriteAllText(Path.Combine(_dir, "dc.txt"), "2 64 ^ p 20 k 2 v p 355 113 / p 17 3 % p 1 3 / 3 * p 12345678901234567890 987654321 * p\n");
        File.WriteAllText(Path.Combine(_dir, "bc.txt"), "scale=30\n4*a(1)\ne(1)\nl(10)\ns(1)\nc(2)\nsqrt(2)\n2^100\n100/7\nx=1; for (i=1; i<=25; i++) x=x*i; x\n");
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { } // Best effort: a temp directory left behind is harmless.
    }

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in s_cases.Keys) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AppletRunsLikeNative(string name)
    {
        var c = s_cases[name];
        byte[]? stdin = c.Stdin == null ? null : File.ReadAllBytes(Path.Combine(_dir, c.Stdin));

        // The native run must do what the case means (exit status as intended, some output),
        // so that a misspelt case cannot pass by comparing two identical error messages.
        var native = GuestRunner.RunNative(Busybox, c.Args, stdin, _dir);
        Assert.True(native.ExitCode == c.Exit, $"native run of '{name}' exited {native.ExitCode}, expected {c.Exit}\n{native}");
        Assert.True(native.Stdout.Length > 0 || c.Exit != 0, $"native run of '{name}' printed nothing\n{native}");

        // For checking the cases on a new host without the emulator: FTEMU_BUSYBOX_NATIVE_ONLY=1.
        if (System.Environment.GetEnvironmentVariable("FTEMU_BUSYBOX_NATIVE_ONLY") == "1") return;
        GuestRunner.AssertSameAsNative(Busybox, c.Args, stdin, _dir);
    }
}
