using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// One XMM-to-XMM operation as a struct policy: <c>a</c> holds the destination's old value,
/// <c>b</c> the source, <c>r</c> (preset to <c>a</c>) receives the result. The SSE3 and later
/// families are tables of Mnemonic -> <see cref="Inst.XmmOp{TOp}"/> over such policies, so the JIT
/// emits one straight-line handler per instruction.
/// </summary>
internal unsafe interface IXmmOp
{
    static abstract void Apply(Cpu cpu, ulong* a, ulong* b, ulong* r, int imm, ref uint flags);

    /// <summary>A 16-byte memory source may be unaligned (LDDQU, the SSE4.2 string instructions).</summary>
    static virtual bool Unaligned => false;
}

public static unsafe partial class Inst
{
    /// <summary>
    /// Reads operand 1 into <paramref name="b"/>: a whole XMM register, or a memory operand of its
    /// own size (16 bytes aligned unless <paramref name="unaligned"/>; narrower ones zero-extended).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReadXmmSource(Cpu cpu, ref DecodedOp op, ulong* b, bool unaligned)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            ulong* s = Xmm(cpu, op.Reg1);
            b[0] = s[0];
            b[1] = s[1];
        }
        else if (op.Size1 == 16)
        {
            ulong ea = unaligned ? cpu.EffectiveAddress(ref op) : AlignedAddress(cpu, ref op);
            cpu.Memory.Read128(ea, out b[0], out b[1]);
        }
        else
        {
            b[0] = cpu.Memory.Read(cpu.EffectiveAddress(ref op), op.Size1);
            b[1] = 0;
        }
    }

    /// <summary>The generic handler: destination XMM op= source, exceptions checked before the write.</summary>
    internal static void XmmOp<TOp>(Cpu cpu, ref DecodedOp op) where TOp : struct, IXmmOp
    {
        ulong* t = stackalloc ulong[6];
        ulong* a = t, b = t + 2, r = t + 4;
        ReadXmmSource(cpu, ref op, b, TOp.Unaligned);
        ulong* d = Xmm(cpu, op.Reg0);
        a[0] = r[0] = d[0];
        a[1] = r[1] = d[1];
        uint flags = 0;
        TOp.Apply(cpu, a, b, r, (byte)op.Imm, ref flags);
        if (flags != 0) SimdFlags(cpu, ref op, flags);
        d[0] = r[0];
        d[1] = r[1];
    }

    /// <summary>Registers the legacy XMM forms of each mnemonic of a table.</summary>
    private static void AddXmmTable(OpcodeRegistry r, (Mnemonic Mnemonic, nint Handler)[] table)
    {
        foreach (var (m, h) in table) AddSse(r, m, (delegate*<Cpu, ref DecodedOp, void>)h);
    }

    /// <summary>
    /// A table entry: a hand-written handler or an <see cref="XmmOp{TOp}"/>. Tables take
    /// <c>&amp;XmmOp&lt;T&gt;</c> directly, not through a generic helper: ReadyToRun does not
    /// precompile such a helper over generic policies (HorizontalInt&lt;short, ...&gt;), and JIT-compiling
    /// one per entry slowed start-up.
    /// </summary>
    private static (Mnemonic, nint) H(Mnemonic m, delegate*<Cpu, ref DecodedOp, void> handler) => (m, (nint)handler);
}
