using FtEmu.Cpu.X87;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>x87 transcendentals: F2XM1, FYL2X, FYL2XP1, FPATAN, FPTAN, FSIN, FCOS, FSINCOS (see <see cref="Transcendental"/>).</summary>
public static unsafe partial class Inst
{
    private static void RegisterX87Transcendental(OpcodeRegistry r)
    {
        r.Add(Mnemonic.F2xm1, &F2xm1);
        r.Add(Mnemonic.Fyl2x, &FBinaryPop);
        r.Add(Mnemonic.Fyl2xp1, &FBinaryPop);
        r.Add(Mnemonic.Fpatan, &FBinaryPop);
        r.Add(Mnemonic.Fsin, &FTrig);
        r.Add(Mnemonic.Fcos, &FTrig);
        r.Add(Mnemonic.Fptan, &FTrig);
        r.Add(Mnemonic.Fsincos, &FTrig);
    }

    public static void F2xm1(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (!St0Present(cpu)) return;
        var env = ArithEnv(cpu);
        var r = Transcendental.F2xm1(ReadSt(cpu, 0), ref env);
        if (!UnmaskedPreComputation(cpu, env)) WriteSt(cpu, 0, r);
        Finish(cpu, env);
    }

    /// <summary>ST(1) = f(ST(0), ST(1)), then pop: FYL2X, FYL2XP1, FPATAN.</summary>
    public static void FBinaryPop(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (StEmpty(cpu, 0) || StEmpty(cpu, 1))
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
            WriteSt(cpu, 1, Float80.Indefinite);
            PopSt(cpu);
            return;
        }
        var env = ArithEnv(cpu);
        var x = ReadSt(cpu, 0);
        var y = ReadSt(cpu, 1);
        var r = op.Code switch
        {
            Code.Fyl2x => Transcendental.Fyl2x(x, y, ref env),
            Code.Fyl2xp1 => Transcendental.Fyl2xp1(x, y, ref env),
            _ => Transcendental.Fpatan(x, y, ref env),
        };
        // An unmasked invalid, denormal or zero-divide exception delivers no result and does not pop.
        bool deliver = !UnmaskedPreComputation(cpu, env);
        if (deliver) WriteSt(cpu, 1, r);
        Finish(cpu, env);
        if (deliver) PopSt(cpu);
    }

    public static void FTrig(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        bool pushes = op.Code is Code.Fptan or Code.Fsincos;
        if (StEmpty(cpu, 0))
        {
            // Underflow is reported alone (C1=0) even when the push slot is full; C2 (out of range) is cleared.
            RaiseStackFault(cpu, overflow: false);
            cpu.State->FpuStatus &= unchecked((ushort)~FpFlags.C2);
            if (!IeMasked(cpu)) return;
            WriteSt(cpu, 0, Float80.Indefinite);
            if (pushes) PushRaw(cpu, Float80.Indefinite);
            return;
        }
        if (pushes && PushWouldOverflow(cpu))
        {
            RaiseStackFault(cpu, overflow: true);
            cpu.State->FpuStatus &= unchecked((ushort)~FpFlags.C2);
            if (!IeMasked(cpu)) return;
            WriteSt(cpu, 0, Float80.Indefinite);
            cpu.State->FpuTop = (cpu.State->FpuTop - 1) & 7;
            WriteSt(cpu, 0, Float80.Indefinite);
            return;
        }
        var x = ReadSt(cpu, 0);
        if (!x.IsNaN && x.Class != Float80Class.Unsupported && !x.IsInfinity && !Transcendental.InTrigRange(x))
        {
            // Out of range: C2 set, operand unchanged.
            cpu.State->FpuStatus = (ushort)((cpu.State->FpuStatus & ~FswC1) | FpFlags.C2);
            return;
        }
        var env = ArithEnv(cpu);
        // Results are computed first: an unmasked invalid or denormal exception delivers none of them.
        Float80 r0, r1 = default;
        bool push = false;
        switch (op.Code)
        {
            case Code.Fsin:
                r0 = Transcendental.Trig(x, Transcendental.Sin, ref env);
                break;
            case Code.Fcos:
                r0 = Transcendental.Trig(x, Transcendental.Cos, ref env);
                break;
            case Code.Fptan:
            {
                r0 = Transcendental.Trig(x, Transcendental.Tan, ref env);
                // A NaN operand gives that NaN (quieted) in both results; an invalid one the indefinite.
                r1 = x.IsNaN || ((env.Flags & FpFlags.IE) != 0 && r0.Equals(Float80.Indefinite)) ? r0 : Float80.One;
                push = true;
                break;
            }
            default:
            {
                r0 = Transcendental.Trig(x, Transcendental.Sin, ref env);
                var cosEnv = ArithEnv(cpu);
                r1 = Transcendental.Trig(x, Transcendental.Cos, ref cosEnv);
                env.Flags |= cosEnv.Flags;
                env.RoundedUp = cosEnv.RoundedUp;
                push = true;
                break;
            }
        }
        if (!UnmaskedPreComputation(cpu, env))
        {
            WriteSt(cpu, 0, r0);
            if (push) PushSt(cpu, r1);
        }
        Finish(cpu, env);
        cpu.State->FpuStatus &= unchecked((ushort)~FpFlags.C2);
    }
}
