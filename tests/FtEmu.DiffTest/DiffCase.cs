using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>One generated test: an encoded instruction and the complete state it starts from.</summary>
public sealed class DiffCase
{
    public const int GprCount = 16;
    public const int FxSize = 512;

    public required long Index { get; init; }
    public required Code Code { get; init; }
    public required byte[] Bytes { get; init; }
    public ulong[] Gpr { get; } = new ulong[GprCount];
    public ulong Rflags { get; set; }
    /// <summary>x87, MXCSR and XMM state as an FXSAVE image (x87 registers in ST(i) order).</summary>
    public byte[] Fx { get; } = new byte[FxSize];
    public ulong DataSeed { get; set; }
    /// <summary>Bytes written over the seeded data region (operand values, return addresses, images).</summary>
    public List<(int Offset, byte[] Bytes)> Patches { get; } = new();

    public void InitialData(Span<byte> data)
    {
        Layout.FillData(DataSeed, data);
        foreach (var (off, bytes) in Patches) bytes.CopyTo(data[off..]);
    }

    /// <summary>Every instruction in the bytes (a waiting form such as FSTSW is WAIT plus FNSTSW).</summary>
    public string Disassembly()
    {
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(Bytes), Layout.CodeBase);
        var f = new NasmFormatter();
        var o = new StringOutput();
        var parts = new List<string>();
        while (decoder.IP < Layout.CodeBase + (ulong)Bytes.Length)
        {
            decoder.Decode(out var ins);
            f.Format(ins, o);
            parts.Add(o.ToStringAndReset());
        }
        return string.Join("; ", parts);
    }
}
