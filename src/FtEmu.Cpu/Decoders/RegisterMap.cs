using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Translates Iced register names into the operand kind, number and size a handler uses.</summary>
internal static class RegisterMap
{
    public static (OperandKind Kind, byte Number, byte Size) Map(Register r)
    {
        if (r >= Register.AL && r <= Register.BL) return (OperandKind.Gpr, (byte)(r - Register.AL), 1);
        if (r >= Register.AH && r <= Register.BH) return (OperandKind.Gpr, (byte)(Reg.HighByteBase + (r - Register.AH)), 1);
        if (r >= Register.SPL && r <= Register.DIL) return (OperandKind.Gpr, (byte)(4 + (r - Register.SPL)), 1);
        if (r >= Register.R8L && r <= Register.R15L) return (OperandKind.Gpr, (byte)(8 + (r - Register.R8L)), 1);
        if (r >= Register.AX && r <= Register.R15W) return (OperandKind.Gpr, (byte)(r - Register.AX), 2);
        if (r >= Register.EAX && r <= Register.R15D) return (OperandKind.Gpr, (byte)(r - Register.EAX), 4);
        if (r >= Register.RAX && r <= Register.R15) return (OperandKind.Gpr, (byte)(r - Register.RAX), 8);
        if (r >= Register.XMM0 && r <= Register.XMM15) return (OperandKind.Xmm, (byte)(r - Register.XMM0), 16);
        if (r >= Register.ST0 && r <= Register.ST7) return (OperandKind.St, (byte)(r - Register.ST0), 10);
        if (r >= Register.MM0 && r <= Register.MM7) return (OperandKind.Mmx, (byte)(r - Register.MM0), 8);
        if (r >= Register.ES && r <= Register.GS) return (OperandKind.Segment, (byte)(r - Register.ES), 2);
        return (OperandKind.Other, 0, 0);
    }

    /// <summary>GPR number of a base or index register of any width.</summary>
    public static byte AddressRegister(Register r)
    {
        if (r == Register.None) return Reg.None;
        var (kind, n, _) = Map(r);
        return kind == OperandKind.Gpr && n < 16 ? n : throw new NotSupportedException($"address register {r}");
    }
}
