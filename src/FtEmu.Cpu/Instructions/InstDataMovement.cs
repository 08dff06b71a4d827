using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Moves, extensions, LEA, stack, XCHG, BSWAP, CMOVcc, SETcc and flag transfers.</summary>
public static unsafe partial class Inst
{
    private static void RegisterDataMovement(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Mov, &Mov);
        r.Add(Mnemonic.Movzx, &Movzx);
        r.Add(Mnemonic.Movsx, &Movsx);
        r.Add(Mnemonic.Movsxd, &Movsx);
        r.Add(Mnemonic.Lea, &Lea);
        r.Add(Mnemonic.Push, &Push);
        r.Add(Mnemonic.Pop, &Pop);
        r.Add(Mnemonic.Xchg, &Xchg);
        r.Add(Mnemonic.Bswap, &Bswap);
        r.Add(Mnemonic.Cbw, &SignExtendAccumulator);
        r.Add(Mnemonic.Cwde, &SignExtendAccumulator);
        r.Add(Mnemonic.Cdqe, &SignExtendAccumulator);
        r.Add(Mnemonic.Cwd, &SignExtendIntoRdx);
        r.Add(Mnemonic.Cdq, &SignExtendIntoRdx);
        r.Add(Mnemonic.Cqo, &SignExtendIntoRdx);
        foreach (var m in new[] { Mnemonic.Cmovo, Mnemonic.Cmovno, Mnemonic.Cmovb, Mnemonic.Cmovae, Mnemonic.Cmove, Mnemonic.Cmovne,
                     Mnemonic.Cmovbe, Mnemonic.Cmova, Mnemonic.Cmovs, Mnemonic.Cmovns, Mnemonic.Cmovp, Mnemonic.Cmovnp,
                     Mnemonic.Cmovl, Mnemonic.Cmovge, Mnemonic.Cmovle, Mnemonic.Cmovg })
            r.Add(m, &Cmov);
        foreach (var m in new[] { Mnemonic.Seto, Mnemonic.Setno, Mnemonic.Setb, Mnemonic.Setae, Mnemonic.Sete, Mnemonic.Setne,
                     Mnemonic.Setbe, Mnemonic.Seta, Mnemonic.Sets, Mnemonic.Setns, Mnemonic.Setp, Mnemonic.Setnp,
                     Mnemonic.Setl, Mnemonic.Setge, Mnemonic.Setle, Mnemonic.Setg })
            r.Add(m, &Setcc);
        r.Add(Mnemonic.Lahf, &Lahf);
        r.Add(Mnemonic.Sahf, &Sahf);
        r.Add(Mnemonic.Pushf, &Pushf);
        r.Add(Mnemonic.Pushfq, &Pushf);
        r.Add(Mnemonic.Popf, &Popf);
        r.Add(Mnemonic.Popfq, &Popf);
        r.Add(Mnemonic.Leave, &Leave);
        r.Add(Mnemonic.Enter, &Enter);
        r.Add(Mnemonic.Xlatb, &Xlat);
    }

    public static void Mov(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Segment || op.Kind1 == OperandKind.Segment)
        {
            MovSegment(cpu, ref op);
            return;
        }
        WriteOp0(cpu, ref op, ReadOp1(cpu, ref op));
    }

    /// <summary>Segment registers are flat in 64-bit user mode; reads give Linux's user selectors, writes are ignored.</summary>
    private static void MovSegment(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind1 != OperandKind.Segment) return;
        ulong selector = op.Reg1 switch { 1 => 0x33, 2 => 0x2B, _ => 0 };
        WriteOp0(cpu, ref op, selector);
    }

    public static void Movzx(Cpu cpu, ref DecodedOp op) => WriteOp0(cpu, ref op, ReadOp1(cpu, ref op));

    public static void Movsx(Cpu cpu, ref DecodedOp op) =>
        WriteOp0(cpu, ref op, (ulong)Cpu.SignExtend(ReadOp1(cpu, ref op), op.Size1));

    public static void Lea(Cpu cpu, ref DecodedOp op)
    {
        // LEA computes the offset only: a segment prefix does not add the FS/GS base.
        ulong a = op.Disp;
        if (op.Base != Reg.None) a += cpu.Gpr(op.Base);
        if (op.Index != Reg.None) a += cpu.Gpr(op.Index) << op.ScaleShift;
        if ((op.Prefix & OpPrefix.Address32) != 0) a = (uint)a;
        cpu.WriteGpr(op.Reg0, op.Size0, a);
    }

    public static void Push(Cpu cpu, ref DecodedOp op)
    {
        ulong v;
        int size;
        switch (op.Kind0)
        {
            case OperandKind.Immediate:
                v = op.Imm;
                size = op.Code is Code.Pushw_imm8 or Code.Push_imm16 ? 2 : 8;
                break;
            case OperandKind.Segment:
                v = 0;
                size = op.Code is Code.Pushw_FS or Code.Pushw_GS ? 2 : 8;
                break;
            default:
                v = ReadOp0(cpu, ref op);
                size = op.Size0;
                break;
        }
        ulong sp = cpu.Gpr(Reg.Rsp) - (ulong)size;
        cpu.Memory.Write(sp, v, size);
        cpu.Gpr(Reg.Rsp) = sp;
    }

    public static void Pop(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Kind0 == OperandKind.Segment ? 8 : op.Size0;
        ulong sp = cpu.Gpr(Reg.Rsp);
        ulong v = cpu.Memory.Read(sp, size);
        cpu.Gpr(Reg.Rsp) = sp + (ulong)size;
        if (op.Kind0 == OperandKind.Segment) return;
        // POP [RSP+d] uses RSP after the increment to form the address, which WriteOp0 does naturally;
        // a fault on that store must leave RSP as it was.
        try
        {
            WriteOp0(cpu, ref op, v);
        }
        catch (GuestFault)
        {
            cpu.Gpr(Reg.Rsp) = sp;
            throw;
        }
    }

    public static void Xchg(Cpu cpu, ref DecodedOp op)
    {
        ulong a = ReadModify0(cpu, ref op, out ulong ea);
        ulong b = cpu.ReadGpr(op.Reg1, op.Size1);
        // Memory form: write memory first, so that a fault leaves the register unchanged.
        WriteModified0(cpu, ref op, ea, b);
        cpu.WriteGpr(op.Reg1, op.Size1, a);
    }

    public static void Bswap(Cpu cpu, ref DecodedOp op)
    {
        ulong v = cpu.ReadGpr(op.Reg0, op.Size0);
        ulong r = op.Size0 switch
        {
            8 => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v),
            4 => System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((uint)v),
            _ => 0, // BSWAP of a 16-bit register is undefined; hardware gives zero.
        };
        cpu.WriteGpr(op.Reg0, op.Size0, r);
    }

    public static void SignExtendAccumulator(Cpu cpu, ref DecodedOp op)
    {
        ref ulong rax = ref cpu.Gpr(Reg.Rax);
        switch (op.Code)
        {
            case Code.Cbw: cpu.WriteGpr(Reg.Rax, 2, (ulong)(sbyte)rax); break;
            case Code.Cwde: cpu.WriteGpr(Reg.Rax, 4, (ulong)(short)rax); break;
            default: rax = (ulong)(int)rax; break;
        }
    }

    public static void SignExtendIntoRdx(Cpu cpu, ref DecodedOp op)
    {
        ulong rax = cpu.Gpr(Reg.Rax);
        switch (op.Code)
        {
            case Code.Cwd: cpu.WriteGpr(Reg.Rdx, 2, (short)rax < 0 ? 0xFFFFUL : 0); break;
            case Code.Cdq: cpu.WriteGpr(Reg.Rdx, 4, (int)rax < 0 ? 0xFFFF_FFFFUL : 0); break;
            default: cpu.Gpr(Reg.Rdx) = (long)rax < 0 ? ulong.MaxValue : 0; break;
        }
    }

    public static void Cmov(Cpu cpu, ref DecodedOp op)
    {
        // The source is read (and may fault) whether or not the condition holds; a 32-bit
        // destination is zero-extended even when the move does not happen.
        ulong v = ReadOp1(cpu, ref op);
        if (cpu.Condition(op.Cond)) cpu.WriteGpr(op.Reg0, op.Size0, v);
        else if (op.Size0 == 4) cpu.WriteGpr(op.Reg0, 4, cpu.ReadGpr(op.Reg0, 4));
    }

    public static void Setcc(Cpu cpu, ref DecodedOp op) => WriteOp0(cpu, ref op, cpu.Condition(op.Cond) ? 1UL : 0);

    public static void Lahf(Cpu cpu, ref DecodedOp op) =>
        cpu.WriteGpr(Reg.HighByteBase + Reg.Rax, 1, (cpu.Rflags & 0xD5) | RFlags.Reserved1);

    public static void Sahf(Cpu cpu, ref DecodedOp op) =>
        cpu.SetFlags(RFlags.CF | RFlags.PF | RFlags.AF | RFlags.ZF | RFlags.SF, cpu.ReadGpr(Reg.HighByteBase + Reg.Rax, 1));

    public static void Pushf(Cpu cpu, ref DecodedOp op)
    {
        // RF and VM read as zero from PUSHF.
        ulong f = cpu.Rflags & ~((1UL << 16) | (1UL << 17));
        if (op.Code == Code.Pushfw)
        {
            ulong sp = cpu.Gpr(Reg.Rsp) - 2;
            cpu.Memory.Write16(sp, (ushort)f);
            cpu.Gpr(Reg.Rsp) = sp;
        }
        else cpu.Push64(f);
    }

    public static void Popf(Cpu cpu, ref DecodedOp op)
    {
        ulong f;
        // NT is writable at CPL 3 too; IOPL and IF are not (silently kept).
        ulong mask = RFlags.UserWritable | RFlags.NT;
        if (op.Code == Code.Popfw)
        {
            ulong sp = cpu.Gpr(Reg.Rsp);
            f = cpu.Memory.Read16(sp);
            cpu.Gpr(Reg.Rsp) = sp + 2;
            mask &= 0xFFFF;
        }
        else f = cpu.Pop64();
        cpu.SetFlags(mask, f);
    }

    public static void Leave(Cpu cpu, ref DecodedOp op)
    {
        if (op.Code == Code.Leavew)
        {
            // o16: RSP = RBP, then BP (only) is popped as 16 bits.
            ulong sp = cpu.Gpr(Reg.Rbp);
            ulong bp = cpu.Memory.Read16(sp);
            cpu.Gpr(Reg.Rsp) = sp + 2;
            cpu.WriteGpr(Reg.Rbp, 2, bp);
            return;
        }
        cpu.Gpr(Reg.Rsp) = cpu.Gpr(Reg.Rbp);
        cpu.Gpr(Reg.Rbp) = cpu.Pop64();
    }

    /// <summary>ENTER size, level: pushes RBP, copies level-1 outer frame pointers, then allocates size bytes.</summary>
    public static void Enter(Cpu cpu, ref DecodedOp op)
    {
        int w = op.Code == Code.Enterw_imm16_imm8 ? 2 : 8;
        ulong alloc = op.Imm & 0xFFFF;
        int level = (int)op.Imm2 & 31;
        // Work on copies so that a fault on the stack leaves RSP and RBP unchanged.
        ulong sp = cpu.Gpr(Reg.Rsp), bp = cpu.Gpr(Reg.Rbp);
        sp -= (ulong)w;
        cpu.Memory.Write(sp, bp, w);
        ulong frame = sp;
        if (level > 0)
        {
            for (int i = 1; i < level; i++)
            {
                bp -= (ulong)w;
                ulong v = cpu.Memory.Read(bp, w);
                sp -= (ulong)w;
                cpu.Memory.Write(sp, v, w);
            }
            sp -= (ulong)w;
            cpu.Memory.Write(sp, frame, w);
        }
        cpu.WriteGpr(Reg.Rbp, w, frame);
        cpu.Gpr(Reg.Rsp) = sp - alloc;
    }

    public static void Xlat(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.Gpr(Reg.Rbx) + (byte)cpu.Gpr(Reg.Rax);
        if (op.Segment == 1) a += cpu.State->FsBase;
        else if (op.Segment == 2) a += cpu.State->GsBase;
        cpu.WriteGpr(Reg.Rax, 1, cpu.Memory.Read8(a));
    }
}
