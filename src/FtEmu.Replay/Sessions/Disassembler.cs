using Iced.Intel;
using FtEmu.Linux;

namespace FtEmu.Replay;

/// <summary>One instruction of guest memory in Intel syntax, for divergence reports.</summary>
public static class Disassembler
{
    public static string At(LinuxProcess process, ulong rip)
    {
        var bytes = new byte[15];
        int n = bytes.Length;
        while (n > 0 && !process.Memory.TryRead(rip, bytes.AsSpan(0, n))) n--;
        if (n == 0) return "(unreadable)";
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(bytes, 0, n), rip);
        decoder.Decode(out var instr);
        if (instr.IsInvalid) return "(invalid instruction)";
        var output = new StringOutput();
        new IntelFormatter().Format(instr, output);
        string hex = Convert.ToHexString(bytes, 0, instr.Length).ToLowerInvariant();
        return $"{output.ToStringAndReset()}  [{hex}]";
    }
}
