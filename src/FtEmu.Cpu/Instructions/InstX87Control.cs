using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>x87 control: status/control word access, FNINIT, FNCLEX, WAIT, FNSTENV/FLDENV, FNSAVE/FRSTOR (FXSAVE/FXRSTOR live with SSE).</summary>
public static unsafe partial class Inst
{
    private static void RegisterX87Control(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Fnstsw, &Fnstsw);
        r.Add(Mnemonic.Fstsw, &Fnstsw);
        r.Add(Mnemonic.Fnstcw, &Fnstcw);
        r.Add(Mnemonic.Fstcw, &Fnstcw);
        r.Add(Mnemonic.Fldcw, &Fldcw);
        r.Add(Mnemonic.Fnclex, &Fnclex);
        r.Add(Mnemonic.Fclex, &Fnclex);
        r.Add(Mnemonic.Fninit, &Fninit);
        r.Add(Mnemonic.Finit, &Fninit);
        r.Add(Mnemonic.Wait, &Fwait);
        r.Add(Mnemonic.Fnop, &FnopChecked);
        // 8087/80287 leftovers that later FPUs execute as FNOP.
        r.Add(Mnemonic.Fneni, &Fnop);
        r.Add(Mnemonic.Feni, &Fnop);
        r.Add(Mnemonic.Fndisi, &Fnop);
        r.Add(Mnemonic.Fdisi, &Fnop);
        r.Add(Mnemonic.Fnsetpm, &Fnop);
        r.Add(Mnemonic.Fsetpm, &Fnop);
        r.Add(Mnemonic.Fnstenv, &Fnstenv);
        r.Add(Mnemonic.Fstenv, &Fnstenv);
        r.Add(Mnemonic.Fldenv, &Fldenv);
        r.Add(Mnemonic.Fnsave, &Fnsave);
        r.Add(Mnemonic.Fsave, &Fnsave);
        r.Add(Mnemonic.Frstor, &Frstor);
    }

    public static void Fnstsw(Cpu cpu, ref DecodedOp op)
    {
        if (op.Kind0 == OperandKind.Gpr) cpu.WriteGpr(Reg.Rax, 2, cpu.FpuStatusWord);
        else cpu.Memory.Write16(cpu.EffectiveAddress(ref op), cpu.FpuStatusWord);
    }

    public static void Fnstcw(Cpu cpu, ref DecodedOp op) =>
        cpu.Memory.Write16(cpu.EffectiveAddress(ref op), cpu.State->FpuControl);

    public static void Fldcw(Cpu cpu, ref DecodedOp op)
    {
        // Bit 6 reads as 1 and the reserved bits as 0, as on hardware.
        cpu.State->FpuControl = (ushort)((cpu.Memory.Read16(cpu.EffectiveAddress(ref op)) & 0x1F3F) | 0x40);
        UpdateSummary(cpu);
    }

    public static void Fnclex(Cpu cpu, ref DecodedOp op) =>
        cpu.State->FpuStatus &= 0x7F00;

    public static void Fninit(Cpu cpu, ref DecodedOp op) => FpuInit(cpu);

    private static void FpuInit(Cpu cpu)
    {
        cpu.State->FpuControl = 0x037F;
        cpu.State->FpuStatus = 0;
        cpu.State->FpuTop = 0;
        cpu.State->FpuTag = 0xFFFF;
        cpu.State->FpuLastIp = 0;
        cpu.State->FpuLastDp = 0;
        cpu.State->FpuLastOpcode = 0;
    }

    public static void Fnop(Cpu cpu, ref DecodedOp op)
    {
    }

    /// <summary>FNOP is a non-control instruction: it takes pending exceptions and updates FIP.</summary>
    public static void FnopChecked(Cpu cpu, ref DecodedOp op) => NoteX87(cpu, ref op, 0);

    /// <summary>
    /// The protected-mode environment image: 28 bytes (32-bit layout, what 64-bit code normally gets)
    /// or, with a 66h prefix, 14 bytes (16-bit layout: each field one word). Returns its size.
    /// </summary>
    private static int StoreEnv(Cpu cpu, ulong a, bool env16)
    {
        var s = cpu.State;
        if (env16)
        {
            // Check the whole image first so that a fault leaves memory untouched.
            if (!cpu.Memory.IsWritable(a, 14UL)) throw GuestFault.Segv(FirstBad(cpu, a, 14), cpu.Memory.IsMapped(FirstBad(cpu, a, 14)));
            cpu.Memory.Write16(a, s->FpuControl);
            cpu.Memory.Write16(a + 2, cpu.FpuStatusWord);
            cpu.Memory.Write16(a + 4, s->FpuTag);
            cpu.Memory.Write16(a + 6, (ushort)s->FpuLastIp);
            cpu.Memory.Write16(a + 8, 0x33);
            cpu.Memory.Write16(a + 10, (ushort)s->FpuLastDp);
            cpu.Memory.Write16(a + 12, 0x2B);
            return 14;
        }
        if (!cpu.Memory.IsWritable(a, 28UL)) throw GuestFault.Segv(FirstBad(cpu, a, 28), cpu.Memory.IsMapped(FirstBad(cpu, a, 28)));
        cpu.Memory.Write32(a, 0xFFFF0000u | s->FpuControl);
        cpu.Memory.Write32(a + 4, 0xFFFF0000u | cpu.FpuStatusWord);
        cpu.Memory.Write32(a + 8, 0xFFFF0000u | s->FpuTag);
        cpu.Memory.Write32(a + 12, (uint)s->FpuLastIp);
        // Linux's user CS and DS selectors, and the opcode of the last non-control instruction.
        cpu.Memory.Write32(a + 16, ((uint)LastOpcode(cpu) << 16) | 0x33);
        cpu.Memory.Write32(a + 20, (uint)s->FpuLastDp);
        cpu.Memory.Write32(a + 24, 0xFFFF002Bu);
        return 28;
    }

    /// <summary>The first address in [a, a+length) that cannot be written: where the fault is reported.</summary>
    private static ulong FirstBad(Cpu cpu, ulong a, int length)
    {
        for (ulong p = a; p < a + (ulong)length; p = (p | GuestMemory.PageMask) + 1)
            if (!cpu.Memory.IsWritable(p, 1)) return p;
        return a;
    }

    private static bool Env16(ref DecodedOp op) =>
        op.Code is Code.Fnstenv_m14byte or Code.Fstenv_m14byte or Code.Fldenv_m14byte
            or Code.Fnsave_m94byte or Code.Fsave_m94byte or Code.Frstor_m94byte;

    /// <summary>
    /// FOP: the low 3 bits of the D8-DF opcode byte and the ModRM byte of the instruction at FIP. Read
    /// from guest code when the environment is stored instead of being tracked on every instruction.
    /// </summary>
    private static int LastOpcode(Cpu cpu)
    {
        ulong ip = cpu.State->FpuLastIp;
        if (ip == 0) return cpu.State->FpuLastOpcode & 0x7FF;
        Span<byte> code = stackalloc byte[16];
        if (!cpu.Memory.TryRead(ip, code)) return 0;
        int i = 0;
        while (i < 14 && (code[i] is 0x66 or 0x67 or 0xF2 or 0xF3 or 0x2E or 0x36 or 0x3E or 0x26 or 0x64 or 0x65 or 0x9B
                   || (code[i] & 0xF0) == 0x40))
            i++;
        if ((code[i] & 0xF8) != 0xD8) return 0;
        return ((code[i] & 7) << 8) | code[i + 1];
    }

    private static int LoadEnv(Cpu cpu, ulong a, bool env16)
    {
        var s = cpu.State;
        int step = env16 ? 2 : 4;
        ushort cw = cpu.Memory.Read16(a);
        ushort sw = cpu.Memory.Read16(a + (ulong)step);
        ushort tag = cpu.Memory.Read16(a + 2 * (ulong)step);
        ulong ip, dp;
        ushort fop;
        if (env16)
        {
            ip = cpu.Memory.Read16(a + 6);
            fop = 0;
            dp = cpu.Memory.Read16(a + 10);
        }
        else
        {
            ip = cpu.Memory.Read32(a + 12);
            fop = (ushort)((cpu.Memory.Read32(a + 16) >> 16) & 0x7FF);
            dp = cpu.Memory.Read32(a + 20);
        }
        s->FpuControl = (ushort)((cw & 0x1F3F) | 0x40);
        s->FpuTop = (sw >> 11) & 7;
        s->FpuStatus = (ushort)(sw & ~(7 << 11));
        s->FpuLastIp = ip;
        s->FpuLastOpcode = fop;
        s->FpuLastDp = dp;
        s->FpuTag = tag;
        RetagNonEmpty(cpu);
        UpdateSummary(cpu);
        return env16 ? 14 : 28;
    }

    /// <summary>Recomputes the tags of non-empty registers from their contents, as FLDENV/FRSTOR do.</summary>
    private static void RetagNonEmpty(Cpu cpu)
    {
        for (int p = 0; p < 8; p++)
        {
            if (((cpu.State->FpuTag >> (2 * p)) & 3) == TagEmpty) continue;
            var v = new X87.Float80(cpu.State->FpuSignificand[p], cpu.State->FpuSignExponent[p]);
            SetTag(cpu, p, TagFor(v));
        }
    }

    public static void Fnstenv(Cpu cpu, ref DecodedOp op)
    {
        StoreEnv(cpu, cpu.EffectiveAddress(ref op), Env16(ref op));
        // FNSTENV masks every exception after saving.
        cpu.State->FpuControl |= 0x3F;
        UpdateSummary(cpu);
    }

    public static void Fldenv(Cpu cpu, ref DecodedOp op) => LoadEnv(cpu, cpu.EffectiveAddress(ref op), Env16(ref op));

    public static void Fnsave(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.EffectiveAddress(ref op);
        bool env16 = Env16(ref op);
        int size = env16 ? 94 : 108;
        if (!cpu.Memory.IsWritable(a, (ulong)size)) throw GuestFault.Segv(FirstBad(cpu, a, size), cpu.Memory.IsMapped(FirstBad(cpu, a, size)));
        int env = StoreEnv(cpu, a, env16);
        for (int i = 0; i < 8; i++) WriteMem80(cpu, a + (ulong)env + 10 * (ulong)i, ReadSt(cpu, i));
        FpuInit(cpu);
    }

    public static void Frstor(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.EffectiveAddress(ref op);
        bool env16 = Env16(ref op);
        int env = env16 ? 14 : 28;
        ushort sw = cpu.Memory.Read16(a + (env16 ? 2UL : 4UL));
        int top = (sw >> 11) & 7;
        // Read everything before changing anything: a fault must leave the state as it was.
        if (!cpu.Memory.IsReadable(a, (ulong)env + 80)) throw GuestFault.Segv(a + (ulong)env + 79, cpu.Memory.IsMapped(a + (ulong)env + 79));
        for (int i = 0; i < 8; i++)
        {
            var v = ReadMem80(cpu, a + (ulong)env + 10 * (ulong)i);
            int p = (top + i) & 7;
            cpu.State->FpuSignificand[p] = v.Significand;
            cpu.State->FpuSignExponent[p] = v.SignExponent;
        }
        LoadEnv(cpu, a, env16);
    }
}
