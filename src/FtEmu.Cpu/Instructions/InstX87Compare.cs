using FtEmu.Cpu.X87;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>x87 comparisons: FCOM/FUCOM families, FICOM, FCOMI/FUCOMI, FTST and FXAM.</summary>
public static unsafe partial class Inst
{
    private static void RegisterX87Compare(OpcodeRegistry r)
    {
        foreach (var m in new[] { Mnemonic.Fcom, Mnemonic.Fcomp, Mnemonic.Fcompp, Mnemonic.Fucom, Mnemonic.Fucomp, Mnemonic.Fucompp,
                     Mnemonic.Ficom, Mnemonic.Ficomp })
            r.Add(m, &Fcom);
        foreach (var m in new[] { Mnemonic.Fcomi, Mnemonic.Fcomip, Mnemonic.Fucomi, Mnemonic.Fucomip })
            r.Add(m, &Fcomi);
        r.Add(Mnemonic.Ftst, &Ftst);
        r.Add(Mnemonic.Fxam, &Fxam);
    }

    /// <summary>C3/C2/C0 for a comparison result (-1, 0, 1, 2 unordered).</summary>
    private static ushort CompareCodes(int c) => c switch
    {
        1 => 0,
        -1 => FpFlags.C0,
        0 => FpFlags.C3,
        _ => FpFlags.C3 | FpFlags.C2 | FpFlags.C0,
    };

    private static void SetCompareCodes(Cpu cpu, int c) =>
        cpu.State->FpuStatus = (ushort)((cpu.State->FpuStatus & ~FswConditionMask) | CompareCodes(c));

    public static void Fcom(Cpu cpu, ref DecodedOp op)
    {
        var mn = op.Code.Mnemonic();
        bool quiet = mn is Mnemonic.Fucom or Mnemonic.Fucomp or Mnemonic.Fucompp;
        int pops = mn switch
        {
            Mnemonic.Fcomp or Mnemonic.Fucomp or Mnemonic.Ficomp => 1,
            Mnemonic.Fcompp or Mnemonic.Fucompp => 2,
            _ => 0,
        };
        var env = Env(cpu);
        Float80 src;
        bool empty;
        if (IsMem0(ref op))
        {
            ulong a = cpu.EffectiveAddress(ref op);
            NoteX87(cpu, ref op, a);
            empty = StEmpty(cpu, 0);
            // The operand is read (and may fault) before the stack is checked.
            var scratch = env;
            src = LoadMemOperand(cpu, ref op, a, ref empty ? ref scratch : ref env);
        }
        else
        {
            NoteX87(cpu, ref op, 0);
            int i = op.OpCount > 1 ? op.Reg1 : 1;
            empty = StEmpty(cpu, 0) || StEmpty(cpu, i);
            src = ReadSt(cpu, i);
        }
        if (empty)
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
            SetCompareCodes(cpu, 2);
        }
        else
        {
            int c = Float80.Compare(ReadSt(cpu, 0), src, quiet, ref env);
            Finish(cpu, env);
            // Only an unmasked invalid exception leaves the condition codes alone (SDM); a denormal one
            // does not, but neither pops.
            if ((env.Flags & ~cpu.State->FpuControl & FpFlags.IE) != 0) return;
            SetCompareCodes(cpu, c);
            if (UnmaskedPreComputation(cpu, env)) return;
        }
        for (int i = 0; i < pops; i++) PopSt(cpu);
    }

    public static void Fcomi(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        var mn = op.Code.Mnemonic();
        bool quiet = mn is Mnemonic.Fucomi or Mnemonic.Fucomip;
        bool pop = mn is Mnemonic.Fcomip or Mnemonic.Fucomip;
        int i = op.Reg1;
        int c;
        bool stopped = false;
        if (StEmpty(cpu, 0) || StEmpty(cpu, i))
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
            c = 2;
        }
        else
        {
            var env = Env(cpu);
            c = Float80.Compare(ReadSt(cpu, 0), ReadSt(cpu, i), quiet, ref env);
            Finish(cpu, env);
            // Only an unmasked invalid exception leaves EFLAGS alone (SDM); a denormal one does not,
            // but neither pops.
            if ((env.Flags & ~cpu.State->FpuControl & FpFlags.IE) != 0) return;
            stopped = UnmaskedPreComputation(cpu, env);
        }
        ulong f = c switch
        {
            1 => 0,
            -1 => RFlags.CF,
            0 => RFlags.ZF,
            _ => RFlags.ZF | RFlags.PF | RFlags.CF,
        };
        cpu.SetFlags(RFlags.Arith, f);
        if (pop && !stopped) PopSt(cpu);
    }

    public static void Ftst(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        if (StEmpty(cpu, 0))
        {
            RaiseStackFault(cpu, overflow: false);
            if (IeMasked(cpu)) SetCompareCodes(cpu, 2);
            return;
        }
        var env = Env(cpu);
        int c = Float80.Compare(ReadSt(cpu, 0), Float80.PositiveZero, false, ref env);
        Finish(cpu, env);
        SetCompareCodes(cpu, c);
    }

    public static void Fxam(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        var v = ReadSt(cpu, 0);
        ushort cc;
        if (StEmpty(cpu, 0)) cc = FpFlags.C3 | FpFlags.C0;
        else
        {
            cc = v.Class switch
            {
                Float80Class.Unsupported => 0,
                Float80Class.QNaN or Float80Class.SNaN => FpFlags.C0,
                Float80Class.Normal => FpFlags.C2,
                Float80Class.Infinity => FpFlags.C2 | FpFlags.C0,
                Float80Class.Zero => FpFlags.C3,
                _ => FpFlags.C3 | FpFlags.C2,
            };
        }
        if (v.Sign) cc |= FpFlags.C1;
        cpu.State->FpuStatus = (ushort)((cpu.State->FpuStatus & ~FswConditionMask) | cc);
    }
}
