using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// XADD, CMPXCHG, CMPXCHG8B, CMPXCHG16B. The guest is a uniprocessor that runs one instruction at
/// a time, so every instruction is already atomic and the LOCK prefix changes nothing.
/// </summary>
/// <remarks>
/// As on hardware, a memory destination is always written (with its old value when a compare
/// fails), so a read-only destination faults whatever the outcome; memory is written before any
/// register so that a fault leaves the registers unchanged.
/// </remarks>
public static unsafe partial class Inst
{
    private static void RegisterAtomic(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Xadd, &Xadd);
        r.Add(Mnemonic.Cmpxchg, &Cmpxchg);
        r.Add(Mnemonic.Cmpxchg8b, &Cmpxchg8b);
        r.Add(Mnemonic.Cmpxchg16b, &Cmpxchg16b);
    }

    public static void Xadd(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        ulong d = ReadModify0(cpu, ref op, out ulong ea);
        ulong s = cpu.ReadGpr(op.Reg1, size);
        ulong sum = d + s;
        if (op.Kind0 == OperandKind.Memory)
        {
            cpu.Memory.Write(ea, sum, size);
            cpu.WriteGpr(op.Reg1, size, d);
        }
        else
        {
            // SRC <- DEST, then DEST <- sum: with one register for both, the sum wins.
            cpu.WriteGpr(op.Reg1, size, d);
            cpu.WriteGpr(op.Reg0, size, sum);
        }
        cpu.SetLazyFlags(FlagOp.Add, size, d, s, sum);
    }

    public static void Cmpxchg(Cpu cpu, ref DecodedOp op)
    {
        int size = op.Size0;
        ulong d = ReadModify0(cpu, ref op, out ulong ea);
        ulong acc = cpu.ReadGpr(Reg.Rax, size);
        cpu.SetLazyFlags(FlagOp.Sub, size, acc, d, acc - d);
        if (acc == d)
        {
            WriteModified0(cpu, ref op, ea, cpu.ReadGpr(op.Reg1, size));
            return;
        }
        // Failure: memory gets its own value back; a register destination is left alone.
        if (op.Kind0 == OperandKind.Memory) cpu.Memory.Write(ea, d, size);
        cpu.WriteGpr(Reg.Rax, size, d);
    }

    public static void Cmpxchg8b(Cpu cpu, ref DecodedOp op)
    {
        ulong ea = cpu.EffectiveAddress(ref op);
        ulong m = cpu.Memory.Read64(ea);
        ulong expected = ((ulong)(uint)cpu.Gpr(Reg.Rdx) << 32) | (uint)cpu.Gpr(Reg.Rax);
        if (m == expected)
        {
            cpu.Memory.Write64(ea, ((ulong)(uint)cpu.Gpr(Reg.Rcx) << 32) | (uint)cpu.Gpr(Reg.Rbx));
            cpu.SetFlags(RFlags.ZF, RFlags.ZF);
            return;
        }
        cpu.Memory.Write64(ea, m);
        cpu.WriteGpr(Reg.Rax, 4, (uint)m);
        cpu.WriteGpr(Reg.Rdx, 4, m >> 32);
        cpu.SetFlags(RFlags.ZF, 0);
    }

    public static void Cmpxchg16b(Cpu cpu, ref DecodedOp op)
    {
        ulong ea = cpu.EffectiveAddress(ref op);
        // A misaligned operand is #GP, which Linux reports as SIGSEGV with si_code SI_KERNEL.
        if ((ea & 15) != 0) throw new GuestFault(GuestFault.SIGSEGV, 0x80, 0);
        cpu.Memory.Read128(ea, out ulong lo, out ulong hi);
        if (lo == cpu.Gpr(Reg.Rax) && hi == cpu.Gpr(Reg.Rdx))
        {
            cpu.Memory.Write128(ea, cpu.Gpr(Reg.Rbx), cpu.Gpr(Reg.Rcx));
            cpu.SetFlags(RFlags.ZF, RFlags.ZF);
            return;
        }
        cpu.Memory.Write128(ea, lo, hi);
        cpu.Gpr(Reg.Rax) = lo;
        cpu.Gpr(Reg.Rdx) = hi;
        cpu.SetFlags(RFlags.ZF, 0);
    }
}
