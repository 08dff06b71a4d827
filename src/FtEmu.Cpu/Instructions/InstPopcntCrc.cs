using System.Numerics;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>POPCNT and the SSE4.2 CRC32 (CRC-32C, reflected polynomial 0x82F63B78, no pre/post inversion).</summary>
public static unsafe partial class Inst
{
    private static void RegisterPopcntCrc(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Popcnt, &Popcnt);
        r.Add(Mnemonic.Crc32, &Crc32);
    }

    /// <summary>ZF says the source was zero; CF, OF, SF, AF and PF are cleared.</summary>
    public static void Popcnt(Cpu cpu, ref DecodedOp op)
    {
        ulong s = ReadOp1(cpu, ref op);
        cpu.WriteGpr(op.Reg0, op.Size0, (ulong)BitOperations.PopCount(s));
        SetArithFlags(cpu, s == 0 ? RFlags.ZF : 0);
    }

    /// <summary>Accumulates the r/m8/16/32/64 source into the low 32 bits of the destination; flags unchanged.</summary>
    public static void Crc32(Cpu cpu, ref DecodedOp op)
    {
        uint crc = (uint)cpu.State->Gpr[op.Reg0];
        ulong v = ReadOp1(cpu, ref op);
        crc = op.Size1 switch
        {
            1 => BitOperations.Crc32C(crc, (byte)v),
            2 => BitOperations.Crc32C(crc, (ushort)v),
            4 => BitOperations.Crc32C(crc, (uint)v),
            _ => BitOperations.Crc32C(crc, v),
        };
        cpu.WriteGpr(op.Reg0, op.Size0, crc);
    }
}
