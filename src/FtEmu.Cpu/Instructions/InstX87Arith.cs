using FtEmu.Cpu.X87;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>x87 arithmetic in all operand forms, FCHS/FABS, FSQRT, FRNDINT, FSCALE, FXTRACT, FPREM/FPREM1.</summary>
public static unsafe partial class Inst
{
    private static void RegisterX87Arith(OpcodeRegistry r)
    {
        foreach (var m in new[] { Mnemonic.Fadd, Mnemonic.Faddp, Mnemonic.Fiadd, Mnemonic.Fmul, Mnemonic.Fmulp, Mnemonic.Fimul,
                     Mnemonic.Fsub, Mnemonic.Fsubp, Mnemonic.Fisub, Mnemonic.Fsubr, Mnemonic.Fsubrp, Mnemonic.Fisubr,
                     Mnemonic.Fdiv, Mnemonic.Fdivp, Mnemonic.Fidiv, Mnemonic.Fdivr, Mnemonic.Fdivrp, Mnemonic.Fidivr })
            r.Add(m, &FArith);
        r.Add(Mnemonic.Fchs, &Fchs);
        r.Add(Mnemonic.Fabs, &Fabs);
        r.Add(Mnemonic.Fsqrt, &FUnary);
        r.Add(Mnemonic.Frndint, &FUnary);
        r.Add(Mnemonic.Fscale, &Fscale);
        r.Add(Mnemonic.Fxtract, &Fxtract);
        r.Add(Mnemonic.Fprem, &Fprem);
        r.Add(Mnemonic.Fprem1, &Fprem);
    }

    private enum ArithOp { Add, Mul, Sub, SubR, Div, DivR }

    private static ArithOp ArithOf(Mnemonic m) => m switch
    {
        Mnemonic.Fadd or Mnemonic.Faddp or Mnemonic.Fiadd => ArithOp.Add,
        Mnemonic.Fmul or Mnemonic.Fmulp or Mnemonic.Fimul => ArithOp.Mul,
        Mnemonic.Fsub or Mnemonic.Fsubp or Mnemonic.Fisub => ArithOp.Sub,
        Mnemonic.Fsubr or Mnemonic.Fsubrp or Mnemonic.Fisubr => ArithOp.SubR,
        Mnemonic.Fdiv or Mnemonic.Fdivp or Mnemonic.Fidiv => ArithOp.Div,
        _ => ArithOp.DivR,
    };

    private static Float80 Arith(ArithOp k, in Float80 d, in Float80 s, ref FpEnv env) => k switch
    {
        ArithOp.Add => Float80.Add(d, s, ref env),
        ArithOp.Mul => Float80.Mul(d, s, ref env),
        ArithOp.Sub => Float80.Sub(d, s, ref env),
        ArithOp.SubR => Float80.Sub(s, d, ref env),
        ArithOp.Div => Float80.Div(d, s, ref env),
        _ => Float80.Div(s, d, ref env),
    };

    public static void FArith(Cpu cpu, ref DecodedOp op)
    {
        var mn = op.Code.Mnemonic();
        var env = ArithEnv(cpu);
        int dest;
        Float80 src;
        bool pop = mn is Mnemonic.Faddp or Mnemonic.Fmulp or Mnemonic.Fsubp or Mnemonic.Fsubrp or Mnemonic.Fdivp or Mnemonic.Fdivrp;
        bool empty;
        if (IsMem0(ref op))
        {
            ulong a = cpu.EffectiveAddress(ref op);
            NoteX87(cpu, ref op, a);
            dest = 0;
            empty = StEmpty(cpu, 0);
            // The operand is read (and may fault) before the stack is checked.
            var scratch = env;
            src = LoadMemOperand(cpu, ref op, a, ref empty ? ref scratch : ref env);
        }
        else
        {
            NoteX87(cpu, ref op, 0);
            dest = op.Reg0;
            int s = op.OpCount > 1 ? op.Reg1 : 0;
            empty = StEmpty(cpu, dest) || StEmpty(cpu, s);
            src = ReadSt(cpu, s);
        }
        if (empty)
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
            WriteSt(cpu, dest, Float80.Indefinite);
        }
        else
        {
            var r = Arith(ArithOf(mn), ReadSt(cpu, dest), src, ref env);
            Finish(cpu, env);
            // An unmasked invalid, zero-divide or denormal exception delivers no result and does not pop.
            if (UnmaskedPreComputation(cpu, env)) return;
            WriteSt(cpu, dest, r);
        }
        if (pop) PopSt(cpu);
    }

    /// <summary>Whether ST(0) holds a value; if it is empty, raises stack underflow (masked: ST(0) = indefinite).</summary>
    private static bool St0Present(Cpu cpu)
    {
        if (!StEmpty(cpu, 0)) return true;
        RaiseStackFault(cpu, overflow: false);
        if (IeMasked(cpu)) WriteSt(cpu, 0, Float80.Indefinite);
        return false;
    }

    public static void Fchs(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (!St0Present(cpu)) return;
        WriteSt(cpu, 0, ReadSt(cpu, 0).Negate());
        cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
    }

    public static void Fabs(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (!St0Present(cpu)) return;
        WriteSt(cpu, 0, ReadSt(cpu, 0).Abs());
        cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
    }

    public static void FUnary(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (!St0Present(cpu)) return;
        var env = ArithEnv(cpu);
        var a = ReadSt(cpu, 0);
        var r = op.Code == Code.Fsqrt ? Float80.Sqrt(a, ref env) : Float80.RoundToIntegral(a, ref env);
        if ((env.Flags & ~cpu.State->FpuControl & (FpFlags.IE | FpFlags.DE)) == 0) WriteSt(cpu, 0, r);
        Finish(cpu, env);
    }

    public static void Fscale(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (StEmpty(cpu, 1))
        {
            RaiseStackFault(cpu, overflow: false);
            if (IeMasked(cpu)) WriteSt(cpu, 0, Float80.Indefinite);
            return;
        }
        if (!St0Present(cpu)) return;
        var env = ArithEnv(cpu);
        var r = Float80.Scale(ReadSt(cpu, 0), ReadSt(cpu, 1), ref env);
        if (!UnmaskedPreComputation(cpu, env)) WriteSt(cpu, 0, r);
        Finish(cpu, env);
    }

    public static void Fxtract(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        // A stack fault (empty ST(0), or no room for the second result) leaves both results indefinite.
        bool empty = StEmpty(cpu, 0);
        if (empty || PushWouldOverflow(cpu))
        {
            RaiseStackFault(cpu, overflow: !empty);
            if (!IeMasked(cpu)) return;
            WriteSt(cpu, 0, Float80.Indefinite);
            PushRaw(cpu, Float80.Indefinite);
            return;
        }
        var env = Env(cpu);
        var a = ReadSt(cpu, 0);
        Float80 exp, sig;
        if (Float80.Special(a, ref env, out var nan))
        {
            exp = nan;
            sig = nan;
        }
        else if (a.IsZero)
        {
            env.Flags |= FpFlags.ZE;
            exp = Float80.Infinity(true);
            sig = a;
        }
        else if (a.IsInfinity)
        {
            exp = Float80.Infinity(false);
            sig = a;
        }
        else
        {
            a.Unpack(out int e, out ulong m);
            exp = Float80.FromInt64(e);
            sig = new Float80(m, (ushort)(Float80.Bias | (a.Sign ? 0x8000 : 0)));
        }
        Finish(cpu, env);
        if (UnmaskedPreComputation(cpu, env)) return;
        WriteSt(cpu, 0, exp);
        PushSt(cpu, sig);
    }

    /// <summary>
    /// FPREM (truncated quotient) and FPREM1 (IEEE, nearest quotient). For an exponent difference of 64 or
    /// more only a partial reduction is done (C2=1), by a quotient of 32 bits, as hardware does.
    /// </summary>
    public static void Fprem(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (StEmpty(cpu, 0) || StEmpty(cpu, 1))
        {
            // Underflow: C1=0 and C2=0 (nothing left to reduce); C0 and C3 are kept.
            RaiseStackFault(cpu, overflow: false);
            cpu.State->FpuStatus &= unchecked((ushort)~FpFlags.C2);
            if (IeMasked(cpu)) WriteSt(cpu, 0, Float80.Indefinite);
            return;
        }
        bool ieee = op.Code == Code.Fprem1;
        var env = ArithEnv(cpu);
        var a = ReadSt(cpu, 0);
        var b = ReadSt(cpu, 1);
        // Without a quotient (NaN or invalid operands) C0 and C3 are kept and C1, C2 cleared.
        ushort keep = (ushort)(FpFlags.C0 | FpFlags.C3);
        ushort cc = 0;
        Float80 r;
        if (Float80.Specials(a, b, ref env, out r))
        {
        }
        else if (a.IsInfinity || b.IsZero)
        {
            env.Flags = (env.Flags & ~FpFlags.DE) | FpFlags.IE;
            r = Float80.Indefinite;
        }
        else if (a.IsZero || b.IsInfinity)
        {
            keep = 0;
            r = Float80.Normalized(a, ref env);
        }
        else
        {
            keep = 0;
            r = Float80.Remainder(a, b, ieee, ref env, out ulong q, out bool partial);
            if (partial) cc = FpFlags.C2;
            else
            {
                if ((q & 4) != 0) cc |= FpFlags.C0;
                if ((q & 2) != 0) cc |= FpFlags.C3;
                if ((q & 1) != 0) cc |= FpFlags.C1;
            }
        }
        // An unmasked invalid, zero-divide or denormal exception delivers no result and no quotient.
        if (UnmaskedPreComputation(cpu, env))
        {
            keep = (ushort)(FpFlags.C0 | FpFlags.C3);
            cc = 0;
        }
        else WriteSt(cpu, 0, r);
        Finish(cpu, env);
        cpu.State->FpuStatus = (ushort)((cpu.State->FpuStatus & ~(FswConditionMask & ~keep)) | cc);
    }
}
