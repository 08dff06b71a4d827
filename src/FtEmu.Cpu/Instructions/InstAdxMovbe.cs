using System.Buffers.Binary;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>ADX (ADCX: add with CF, changing only CF; ADOX: with OF as the carry, changing only OF) and MOVBE.</summary>
public static unsafe partial class Inst
{
    private static void RegisterAdxMovbe(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Adcx, &Adcx);
        r.Add(Mnemonic.Adox, &Adox);
        r.Add(Mnemonic.Movbe, &Movbe);
    }

    public static void Adcx(Cpu cpu, ref DecodedOp op) => AddCarryOnly(cpu, ref op, RFlags.CF);

    public static void Adox(Cpu cpu, ref DecodedOp op) => AddCarryOnly(cpu, ref op, RFlags.OF);

    private static void AddCarryOnly(Cpu cpu, ref DecodedOp op, ulong flag)
    {
        ulong m = Cpu.SizeMask(op.Size0);
        ulong a = cpu.ReadGpr(op.Reg0, op.Size0), b = ReadOp1(cpu, ref op);
        ulong c = (cpu.Rflags & flag) != 0 ? 1UL : 0;
        ulong r = (a + b + c) & m;
        // Carry out of the operand: the truncated sum wrapped below an addend.
        bool carry = c != 0 ? r <= a : r < a;
        cpu.WriteGpr(op.Reg0, op.Size0, r);
        cpu.SetFlags(flag, carry ? flag : 0);
    }

    /// <summary>A load or store with the bytes reversed; a 16-bit register load keeps the rest of the register.</summary>
    public static void Movbe(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        if (op.Kind0 == OperandKind.Gpr)
            cpu.WriteGpr(op.Reg0, size, Swap(cpu.Memory.Read(cpu.EffectiveAddress(ref op), size), size));
        else
            cpu.Memory.Write(cpu.EffectiveAddress(ref op), Swap(cpu.ReadGpr(op.Reg1, size), size), size);
    }

    private static ulong Swap(ulong v, int size) => size switch
    {
        2 => BinaryPrimitives.ReverseEndianness((ushort)v),
        4 => BinaryPrimitives.ReverseEndianness((uint)v),
        _ => BinaryPrimitives.ReverseEndianness(v),
    };
}
