using System.Numerics;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Bit tests and scans: BT, BTS, BTR, BTC, BSF, BSR. The F3-prefixed encodings are TZCNT and
/// LZCNT, which the CPUID model claims (BMI1, ABM); they are in the Bmi family.
/// </summary>
/// <remarks>
/// Undefined flags follow the AMD Zen host: BT* change only CF; BSF/BSR clear CF, AF, SF and OF
/// and set PF from the bit index (a zero source gives ZF and PF). A zero source leaves the
/// destination register untouched (a 32-bit one keeps its upper half).
/// </remarks>
public static unsafe partial class Inst
{
    private static void RegisterBit(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Bt, &Bt);
        r.Add(Mnemonic.Bts, &Bts);
        r.Add(Mnemonic.Btr, &Btr);
        r.Add(Mnemonic.Btc, &Btc);
        r.Add(Mnemonic.Bsf, &Bsf);
        r.Add(Mnemonic.Bsr, &Bsr);
    }

    private enum BitAction
    {
        Test,
        Set,
        Reset,
        Complement,
    }

    public static void Bt(Cpu cpu, ref DecodedOp op) => BitOp(cpu, ref op, BitAction.Test);

    public static void Bts(Cpu cpu, ref DecodedOp op) => BitOp(cpu, ref op, BitAction.Set);

    public static void Btr(Cpu cpu, ref DecodedOp op) => BitOp(cpu, ref op, BitAction.Reset);

    public static void Btc(Cpu cpu, ref DecodedOp op) => BitOp(cpu, ref op, BitAction.Complement);

    private static void BitOp(Cpu cpu, ref DecodedOp op, BitAction action)
    {
        int size = op.Size0;
        int bits = size * 8;
        ulong offset = ReadOp1(cpu, ref op);
        int bit;
        ulong a, ea = 0;
        if (op.Kind0 == OperandKind.Gpr)
        {
            bit = (int)offset & (bits - 1);
            a = cpu.ReadGpr(op.Reg0, size);
        }
        else
        {
            ea = cpu.EffectiveAddress(ref op);
            if (op.Kind1 == OperandKind.Gpr)
            {
                // A register offset is signed and selects the operand-sized word that holds the bit.
                long s = Cpu.SignExtend(offset, size);
                ea += (ulong)((s >> BitOperations.Log2((uint)bits)) * size);
                // With a 67h prefix the whole address, bit-offset part included, is 32 bits.
                if ((op.Prefix & OpPrefix.Address32) != 0) ea = (uint)ea;
                bit = (int)(s & (bits - 1));
            }
            else bit = (int)offset & (bits - 1);
            a = cpu.Memory.Read(ea, size);
        }
        ulong cf = (a >> bit) & 1;
        ulong mask = 1UL << bit;
        if (action != BitAction.Test)
        {
            ulong r = action switch
            {
                BitAction.Set => a | mask,
                BitAction.Reset => a & ~mask,
                _ => a ^ mask,
            };
            WriteModified0(cpu, ref op, ea, r);
        }
        cpu.SetFlags(RFlags.CF, cf);
    }

    public static void Bsf(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op);
        if (s == 0)
        {
            SetBitScanFlags(cpu, s, 0);
            return;
        }
        ulong index = (ulong)BitOperations.TrailingZeroCount(s);
        cpu.WriteGpr(op.Reg0, op.Size0, index);
        SetBitScanFlags(cpu, s, index);
    }

    /// <summary>The flags of BSF/BSR of source s with result index (shared with the JIT): ZF for a zero source, else parity of the index.</summary>
    internal static void SetBitScanFlags(Cpu cpu, ulong s, ulong index) =>
        SetArithFlags(cpu, s == 0 ? RFlags.ZF | RFlags.PF : Cpu.Parity(index));

    public static void Bsr(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op);
        if (s == 0)
        {
            SetBitScanFlags(cpu, s, 0);
            return;
        }
        ulong index = (ulong)(63 - BitOperations.LeadingZeroCount(s));
        cpu.WriteGpr(op.Reg0, op.Size0, index);
        SetBitScanFlags(cpu, s, index);
    }
}
