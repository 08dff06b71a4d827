using System.Runtime.CompilerServices;
using FtEmu.Cpu.X87;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// x87 FPU: register stack, tags and status word helpers shared by the InstX87*.cs families.
/// Values are exact 80-bit extended reals (<see cref="Float80"/>); exceptions get their masked
/// responses and set their status bits (ES/B too when unmasked), but never trap.
/// </summary>
public static unsafe partial class Inst
{
    private const ushort FswC1 = FpFlags.C1;
    private const ushort FswConditionMask = FpFlags.C0 | FpFlags.C1 | FpFlags.C2 | FpFlags.C3;
    private const int TagValid = 0, TagZero = 1, TagSpecial = 2, TagEmpty = 3;

    private static void RegisterX87(OpcodeRegistry r)
    {
        RegisterX87LoadStore(r);
        RegisterX87Arith(r);
        RegisterX87Compare(r);
        RegisterX87Control(r);
        RegisterX87Transcendental(r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StPhys(Cpu cpu, int i) => (cpu.State->FpuTop + i) & 7;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StEmpty(Cpu cpu, int i) => ((cpu.State->FpuTag >> (2 * StPhys(cpu, i))) & 3) == TagEmpty;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Float80 ReadSt(Cpu cpu, int i)
    {
        int p = StPhys(cpu, i);
        return new Float80(cpu.State->FpuSignificand[p], cpu.State->FpuSignExponent[p]);
    }

    /// <summary>The two-bit tag an 80-bit value gets when written.</summary>
    private static int TagFor(in Float80 v)
    {
        int e = v.Exponent;
        if (e == 0) return v.Significand == 0 ? TagZero : TagSpecial;
        if (e == 0x7FFF || (v.Significand & Float80.IntegerBit) == 0) return TagSpecial;
        return TagValid;
    }

    private static void SetTag(Cpu cpu, int phys, int tag)
    {
        int shift = 2 * phys;
        cpu.State->FpuTag = (ushort)((cpu.State->FpuTag & ~(3 << shift)) | (tag << shift));
    }

    private static void WriteSt(Cpu cpu, int i, in Float80 v)
    {
        int p = StPhys(cpu, i);
        cpu.State->FpuSignificand[p] = v.Significand;
        cpu.State->FpuSignExponent[p] = v.SignExponent;
        SetTag(cpu, p, TagFor(v));
    }

    private static void PopSt(Cpu cpu)
    {
        SetTag(cpu, StPhys(cpu, 0), TagEmpty);
        cpu.State->FpuTop = (cpu.State->FpuTop + 1) & 7;
    }

    /// <summary>Pushes a value; on stack overflow sets IE|SF|C1 and (masked) pushes the indefinite QNaN.</summary>
    private static void PushSt(Cpu cpu, in Float80 v)
    {
        int top = (cpu.State->FpuTop - 1) & 7;
        if (((cpu.State->FpuTag >> (2 * top)) & 3) != TagEmpty)
        {
            RaiseStackFault(cpu, overflow: true);
            if (!IeMasked(cpu)) return;
            cpu.State->FpuTop = top;
            WriteSt(cpu, 0, Float80.Indefinite);
            return;
        }
        cpu.State->FpuTop = top;
        WriteSt(cpu, 0, v);
    }

    /// <summary>Faults now if [a, a+size) cannot be written, so that a store's fault leaves the FPU state unchanged.</summary>
    private static void ProbeWrite(Cpu cpu, ulong a, int size)
    {
        if (!cpu.Memory.IsWritable(a, (ulong)size))
        {
            ulong bad = FirstBad(cpu, a, size);
            throw GuestFault.Segv(bad, cpu.Memory.IsMapped(bad));
        }
    }

    /// <summary>Pushes without the overflow check, for results that replace a stack fault's operands.</summary>
    private static void PushRaw(Cpu cpu, in Float80 v)
    {
        cpu.State->FpuTop = (cpu.State->FpuTop - 1) & 7;
        WriteSt(cpu, 0, v);
    }

    private static bool IeMasked(Cpu cpu) => (cpu.State->FpuControl & FpFlags.IE) != 0;

    /// <summary>Stack overflow (C1=1) or underflow (C1=0): IE and SF.</summary>
    private static void RaiseStackFault(Cpu cpu, bool overflow)
    {
        ushort sw = (ushort)(cpu.State->FpuStatus | FpFlags.IE | FpFlags.SF);
        sw = overflow ? (ushort)(sw | FswC1) : (ushort)(sw & ~FswC1);
        cpu.State->FpuStatus = sw;
        UpdateSummary(cpu);
    }

    private static void UpdateSummary(Cpu cpu)
    {
        ushort sw = cpu.State->FpuStatus;
        if ((sw & ~cpu.State->FpuControl & 0x3F) != 0) sw |= 0x8080;
        else sw &= 0x7F7F;
        cpu.State->FpuStatus = sw;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static FpEnv Env(Cpu cpu) => FpEnv.FromControl(cpu.State->FpuControl);

    /// <summary>The environment of arithmetic that delivers wrapped results for unmasked OE/UE.</summary>
    private static FpEnv ArithEnv(Cpu cpu)
    {
        var env = FpEnv.FromControl(cpu.State->FpuControl);
        env.WrapOverflow = (cpu.State->FpuControl & FpFlags.OE) == 0;
        env.WrapUnderflow = (cpu.State->FpuControl & FpFlags.UE) == 0;
        return env;
    }

    /// <summary>An invalid, denormal or zero-divide exception that is unmasked: the operation delivers no result.</summary>
    private static bool UnmaskedPreComputation(Cpu cpu, in FpEnv env) =>
        (env.Flags & ~cpu.State->FpuControl & (FpFlags.IE | FpFlags.DE | FpFlags.ZE)) != 0;

    /// <summary>
    /// Merges an operation's exceptions into the status word; C1 tells whether it rounded up. An unmasked
    /// pre-computation exception (IE, DE, ZE) stops the operation, so no overflow, underflow or precision
    /// exception (and no rounding) follows it.
    /// </summary>
    private static void Finish(Cpu cpu, in FpEnv env)
    {
        int flags = env.Flags & 0x3F;
        bool stopped = UnmaskedPreComputation(cpu, env);
        if (stopped) flags &= FpFlags.IE | FpFlags.DE | FpFlags.ZE;
        ushort sw = (ushort)((cpu.State->FpuStatus & ~FswC1) | flags);
        if (!stopped && env.RoundedUp && (env.Flags & FpFlags.PE) != 0) sw |= FswC1;
        cpu.State->FpuStatus = sw;
        UpdateSummary(cpu);
    }

    // Linux's si_code values for x87 math faults (math_error in arch/x86/kernel/traps.c).
    private const int FpeFltDiv = 3, FpeFltOvf = 4, FpeFltUnd = 5, FpeFltRes = 6, FpeFltInv = 7;

    /// <summary>
    /// Records the instruction and data pointers as a non-control x87 instruction does, first delivering a
    /// pending unmasked exception (ES set) as #MF, i.e. SIGFPE at this instruction, as hardware does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NoteX87(Cpu cpu, ref DecodedOp op, ulong dataAddress)
    {
        if ((cpu.State->FpuStatus & 0x80) != 0) RaisePendingX87(cpu, ref op);
        cpu.State->FpuLastIp = op.Ip;
        // The data pointer only follows instructions with a memory operand (the host CPU keeps it otherwise).
        if (op.Kind0 == OperandKind.Memory) cpu.State->FpuLastDp = dataAddress;
    }

    private static void RaisePendingX87(Cpu cpu, ref DecodedOp op)
    {
        int err = cpu.State->FpuStatus & ~cpu.State->FpuControl & 0x3F;
        int code = (err & FpFlags.IE) != 0 ? FpeFltInv
            : (err & FpFlags.ZE) != 0 ? FpeFltDiv
            : (err & FpFlags.OE) != 0 ? FpeFltOvf
            : (err & (FpFlags.UE | FpFlags.DE)) != 0 ? FpeFltUnd
            : FpeFltRes;
        throw new GuestFault(GuestFault.SIGFPE, code, op.Ip);
    }

    /// <summary>FWAIT: delivers a pending unmasked x87 exception.</summary>
    public static void Fwait(Cpu cpu, ref DecodedOp op)
    {
        if ((cpu.State->FpuStatus & 0x80) != 0) RaisePendingX87(cpu, ref op);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsMem0(ref DecodedOp op) => op.Kind0 == OperandKind.Memory;

    /// <summary>Reads an 80-bit value from guest memory.</summary>
    private static Float80 ReadMem80(Cpu cpu, ulong a) => new(cpu.Memory.Read64(a), cpu.Memory.Read16(a + 8));

    private static void WriteMem80(Cpu cpu, ulong a, in Float80 v)
    {
        cpu.Memory.Write64(a, v.Significand);
        cpu.Memory.Write16(a + 8, v.SignExponent);
    }

    /// <summary>Reads an x87 memory source operand, typed by the Iced code.</summary>
    private static Float80 LoadMemOperand(Cpu cpu, ref DecodedOp op, ulong a, ref FpEnv env)
    {
        switch (op.Code.Mnemonic())
        {
            case Mnemonic.Fiadd or Mnemonic.Fimul or Mnemonic.Fisub or Mnemonic.Fisubr or Mnemonic.Fidiv or Mnemonic.Fidivr
                or Mnemonic.Ficom or Mnemonic.Ficomp or Mnemonic.Fild:
                return op.Size0 switch
                {
                    2 => Float80.FromInt64((short)cpu.Memory.Read16(a)),
                    4 => Float80.FromInt64((int)cpu.Memory.Read32(a)),
                    _ => Float80.FromInt64((long)cpu.Memory.Read64(a)),
                };
        }
        if (op.Code is not (Code.Fld_m32fp or Code.Fld_m64fp or Code.Fld_m80fp))
        {
            // A denormal single/double operand is not reported when ST(0) is already a NaN.
            var local = env;
            var v = LoadFloatOperand(cpu, ref op, a, ref local);
            var st0 = ReadSt(cpu, 0);
            if (st0.IsNaN || st0.Class == Float80Class.Unsupported) local.Flags &= ~FpFlags.DE;
            env = local;
            return v;
        }
        return LoadFloatOperand(cpu, ref op, a, ref env);
    }

    private static Float80 LoadFloatOperand(Cpu cpu, ref DecodedOp op, ulong a, ref FpEnv env)
    {
        return op.Size0 switch
        {
            4 => Float80.FromSingle(cpu.Memory.Read32(a), ref env, keepSignaling: op.Code != Code.Fld_m32fp),
            8 => Float80.FromDouble(cpu.Memory.Read64(a), ref env, keepSignaling: op.Code != Code.Fld_m64fp),
            _ => ReadMem80(cpu, a),
        };
    }
}
