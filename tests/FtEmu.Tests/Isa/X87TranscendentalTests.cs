namespace FtEmu.Tests.Isa;

/// <summary>
/// F2XM1, FYL2X, FYL2XP1, FPATAN, FPTAN, FSIN, FCOS, FSINCOS over edge values (isa_x87_transc guest):
/// hardware is only accurate to about an ulp, so each result may differ from the host CPU's by one unit in
/// the last place, and then C1 (rounding direction) and PE may differ too; everything else must match.
/// </summary>
public class X87TranscendentalTests
{
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
            var vw = UInt128.Parse(w[2], System.Globalization.NumberStyles.HexNumber);
            var vg = UInt128.Parse(g[2], System.Globalization.NumberStyles.HexNumber);
            UInt128 diff = vw > vg ? vw - vg : vg - vw;
            bool ok = w[1] == g[1] && diff <= 1 && ((sw ^ sg) & ~0x220) == 0;
            if (!ok) failures.Add($"line {i}: native {want[i]} emulated {got[i]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
