namespace FtEmu.Tests.Isa;

/// <summary>
/// F2XM1, FYL2X, FYL2XP1, FPATAN, FPTAN, FSIN, FCOS, FSINCOS over edge values (isa_x87_transc guest):
/// hardware is only accurate to about an ulp, so each result may differ from the host CPU's by one unit in
/// the last place, and then C1 (rounding direction) and PE may differ too; everything else must match.
/// One ulp can cross the boundary between normal and denormal numbers or zero, and then the result's
/// class differs too: its tag, and UE (a denormal result). CPUs differ exactly there: for FSIN, FPTAN and
/// FPATAN of the smallest normal, of denormals and of pseudo-denormals under directed rounding, Intel
/// returns the operand (normalised) and AMD the correctly rounded neighbour.
/// </summary>
public class X87TranscendentalTests
{
    /// <summary>
    /// Maps a printed 80-bit value (4 hex digits sign/exponent, 16 significand) to an integer whose consecutive
    /// values are consecutive finite 80-bit numbers, so that a difference of 1 is one ulp even across binades.
    /// </summary>
    private static Int128 OrderedKey(string hex)
    {
        ushort se = Convert.ToUInt16(hex[..4], 16);
        var key = (Int128)FtEmu.DiffTest.ModelDifferences.Ordinal80(se, Convert.ToUInt64(hex[4..], 16));
        return (se & 0x8000) != 0 ? -key : key;
    }

    /// <summary>Zero, denormal (or pseudo-denormal) or normal: what the tag and UE of a result depend on.</summary>
    private static int Class(string hex)
    {
        int exp = Convert.ToUInt16(hex[..4], 16) & 0x7FFF;
        ulong sig = Convert.ToUInt64(hex[4..], 16);
        return exp != 0 ? 2 : sig == 0 ? 0 : 1;
    }

    private static bool SameClass(string a, string b) => Class(a) == Class(b);

    /// <summary>The tag words agree but for the two bits of the register at the top of the stack (the result's).</summary>
    private static bool TagsDifferOnlyAtTop(string want, string got, ushort sw)
    {
        int top = (sw >> 11) & 7;
        int mask = ~(3 << (2 * top)) & 0xFFFF;
        return (Convert.ToUInt16(want, 16) & mask) == (Convert.ToUInt16(got, 16) & mask);
    }

    [Fact]
    public void WithinOneUlpOfNative()
    {
        string program = GuestImages.Get("isa_x87_transc", "asm");
        var native = GuestRunner.RunNative(program, Array.Empty<string>());
        var emulated = GuestRunner.RunEmulated(program, Array.Empty<string>());
        Assert.Equal(native.ExitCode, emulated.ExitCode);
        string[] want = native.StdoutText.Split('\n');
        string[] got = emulated.StdoutText.Split('\n');
        Assert.Equal(want.Length, got.Length);
        var failures = new List<string>();
        for (int i = 0; i < want.Length; i++)
        {
            if (want[i] == got[i]) continue;
            string[] w = want[i].Split(' '), g = got[i].Split(' ');
            ushort sw = Convert.ToUInt16(w[0], 16), sg = Convert.ToUInt16(g[0], 16);
            Int128 diff = OrderedKey(w[2]) - OrderedKey(g[2]);
            bool ok = diff >= -1 && diff <= 1 && (SameClass(w[2], g[2])
                ? w[1] == g[1] && ((sw ^ sg) & ~0x220) == 0
                : TagsDifferOnlyAtTop(w[1], g[1], sw) && ((sw ^ sg) & ~0x230) == 0);
            if (!ok) failures.Add($"line {i}: native {want[i]} emulated {got[i]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
