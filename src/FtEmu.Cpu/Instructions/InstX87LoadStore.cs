using FtEmu.Cpu.X87;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>x87 loads, stores, integer and BCD conversions, constants, FXCH, FFREE, FCMOVcc.</summary>
public static unsafe partial class Inst
{
    private static void RegisterX87LoadStore(OpcodeRegistry r)
    {
        r.Add(Mnemonic.Fld, &Fld);
        r.Add(Mnemonic.Fild, &Fld);
        r.Add(Mnemonic.Fst, &Fst);
        r.Add(Mnemonic.Fstp, &Fst);
        r.Add(Mnemonic.Fstpnce, &Fstpnce);
        r.Add(Mnemonic.Fist, &Fist);
        r.Add(Mnemonic.Fistp, &Fist);
        r.Add(Mnemonic.Fisttp, &Fist);
        r.Add(Mnemonic.Fbld, &Fbld);
        r.Add(Mnemonic.Fbstp, &Fbstp);
        r.Add(Mnemonic.Fldz, &FldConstant);
        r.Add(Mnemonic.Fld1, &FldConstant);
        r.Add(Mnemonic.Fldpi, &FldConstant);
        r.Add(Mnemonic.Fldl2e, &FldConstant);
        r.Add(Mnemonic.Fldl2t, &FldConstant);
        r.Add(Mnemonic.Fldlg2, &FldConstant);
        r.Add(Mnemonic.Fldln2, &FldConstant);
        r.Add(Mnemonic.Fxch, &Fxch);
        r.Add(Mnemonic.Ffree, &Ffree);
        r.Add(Mnemonic.Ffreep, &Ffree);
        r.Add(Mnemonic.Fincstp, &Fincstp);
        r.Add(Mnemonic.Fdecstp, &Fdecstp);
        foreach (var m in new[] { Mnemonic.Fcmovb, Mnemonic.Fcmove, Mnemonic.Fcmovbe, Mnemonic.Fcmovu,
                     Mnemonic.Fcmovnb, Mnemonic.Fcmovne, Mnemonic.Fcmovnbe, Mnemonic.Fcmovnu })
            r.Add(m, &Fcmov);
    }

    public static void Fld(Cpu cpu, ref DecodedOp op)
    {
        var env = Env(cpu);
        Float80 v;
        if (IsMem0(ref op))
        {
            ulong a = cpu.EffectiveAddress(ref op);
            NoteX87(cpu, ref op, a);
            v = LoadMemOperand(cpu, ref op, a, ref env);
        }
        else
        {
            NoteX87(cpu, ref op, 0);
            if (StEmpty(cpu, op.Reg0))
            {
                // Underflow is reported alone (C1=0) even when the push slot is full as well.
                RaiseStackFault(cpu, overflow: false);
                if (IeMasked(cpu)) PushRaw(cpu, Float80.Indefinite);
                return;
            }
            v = ReadSt(cpu, op.Reg0);
        }
        if (PushWouldOverflow(cpu))
        {
            PushSt(cpu, v);
            return;
        }
        if ((env.Flags & FpFlags.IE) != 0 && !IeMasked(cpu))
        {
            Finish(cpu, env);
            return;
        }
        PushSt(cpu, v);
        Finish(cpu, env);
    }

    private static bool PushWouldOverflow(Cpu cpu) =>
        ((cpu.State->FpuTag >> (2 * ((cpu.State->FpuTop - 1) & 7))) & 3) != TagEmpty;

    public static void Fst(Cpu cpu, ref DecodedOp op)
    {
        bool pop = op.Code != Code.Fst_m32fp && op.Code != Code.Fst_m64fp && op.Code != Code.Fst_sti;
        ulong a = IsMem0(ref op) ? cpu.EffectiveAddress(ref op) : 0;
        NoteX87(cpu, ref op, a);
        if (IsMem0(ref op)) ProbeWrite(cpu, a, op.Size0);
        var env = Env(cpu);
        bool empty = StEmpty(cpu, 0);
        Float80 v = empty ? Float80.Indefinite : ReadSt(cpu, 0);
        if (empty)
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
        }
        if (IsMem0(ref op))
        {
            ulong bits = op.Size0 switch
            {
                4 => Float80.ToSingle(v, ref env),
                8 => Float80.ToDouble(v, ref env),
                _ => 0,
            };
            // Unmasked invalid, overflow or underflow: memory is left unchanged (the fault comes at the next
            // x87 instruction) and the stack is not popped.
            if ((env.Flags & ~cpu.State->FpuControl & (FpFlags.IE | FpFlags.OE | FpFlags.UE)) != 0)
            {
                // No result is delivered, so no precision exception or rounding direction either.
                env.Flags &= ~FpFlags.PE;
                env.RoundedUp = false;
                Finish(cpu, env);
                return;
            }
            if (op.Size0 == 10) WriteMem80(cpu, a, v);
            else cpu.Memory.Write(a, bits, op.Size0);
        }
        else
        {
            WriteSt(cpu, op.Reg0, v);
        }
        if (!empty) Finish(cpu, env);
        if (pop) PopSt(cpu);
    }

    public static void Fist(Cpu cpu, ref DecodedOp op)
    {
        var mn = op.Code.Mnemonic();
        var env = Env(cpu);
        bool empty = StEmpty(cpu, 0);
        ulong a = cpu.EffectiveAddress(ref op);
        NoteX87(cpu, ref op, a);
        ProbeWrite(cpu, a, op.Size0);
        int bits = op.Size0 * 8;
        long v;
        if (empty)
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
            v = bits == 64 ? long.MinValue : -(1L << (bits - 1));
        }
        else
        {
            v = Float80.ToInt(ReadSt(cpu, 0), bits, mn == Mnemonic.Fisttp, ref env);
            if ((env.Flags & FpFlags.IE) != 0 && !IeMasked(cpu))
            {
                Finish(cpu, env);
                return;
            }
        }
        cpu.Memory.Write(a, (ulong)v, op.Size0);
        if (!empty) Finish(cpu, env);
        if (mn != Mnemonic.Fist) PopSt(cpu);
    }

    public static void Fbld(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.EffectiveAddress(ref op);
        NoteX87(cpu, ref op, a);
        long value = 0;
        for (int i = 8; i >= 0; i--)
        {
            byte b = cpu.Memory.Read8(a + (ulong)i);
            value = value * 100 + (b >> 4) * 10 + (b & 15);
        }
        bool neg = (cpu.Memory.Read8(a + 9) & 0x80) != 0;
        var v = Float80.FromInt64(value);
        if (neg) v = v.Negate();
        var env = Env(cpu);
        PushSt(cpu, v);
        if ((cpu.State->FpuStatus & FpFlags.SF) == 0) Finish(cpu, env);
    }

    public static void Fbstp(Cpu cpu, ref DecodedOp op)
    {
        ulong a = cpu.EffectiveAddress(ref op);
        NoteX87(cpu, ref op, a);
        ProbeWrite(cpu, a, 10);
        var env = Env(cpu);
        bool empty = StEmpty(cpu, 0);
        if (empty)
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
        }
        long v = empty ? long.MinValue : Float80.ToInt(ReadSt(cpu, 0), 64, false, ref env);
        var src = ReadSt(cpu, 0);
        if (empty || v == long.MinValue || v > 999_999_999_999_999_999 || v < -999_999_999_999_999_999)
        {
            if (!empty)
            {
                env.Flags = (env.Flags & ~FpFlags.PE) | FpFlags.IE;
                env.RoundedUp = false;
                // Unmasked invalid: nothing is stored and nothing popped.
                if (!IeMasked(cpu))
                {
                    Finish(cpu, env);
                    return;
                }
            }
            cpu.Memory.Write64(a, 0xC000000000000000);
            cpu.Memory.Write16(a + 8, 0xFFFF);
        }
        else
        {
            ulong mag = (ulong)Math.Abs(v);
            for (int i = 0; i < 9; i++)
            {
                int lo = (int)(mag % 10);
                mag /= 10;
                int hi = (int)(mag % 10);
                mag /= 10;
                cpu.Memory.Write8(a + (ulong)i, (byte)((hi << 4) | lo));
            }
            cpu.Memory.Write8(a + 9, (byte)(src.Sign ? 0x80 : 0));
        }
        if (!empty) Finish(cpu, env);
        PopSt(cpu);
    }

    /// <summary>
    /// The constant ROM: 64-bit significand, exponent, and the next two bits of the 66-bit internal value,
    /// which decide rounding per RC.
    /// </summary>
    private static Float80 Constant(Mnemonic m, int rc)
    {
        (ulong sig, ushort exp, int extra) = m switch
        {
            Mnemonic.Fld1 => (Float80.IntegerBit, (ushort)0x3FFF, 0),
            Mnemonic.Fldpi => (0xC90FDAA22168C234UL, (ushort)0x4000, 3),
            Mnemonic.Fldl2e => (0xB8AA3B295C17F0BBUL, (ushort)0x3FFF, 2),
            Mnemonic.Fldl2t => (0xD49A784BCD1B8AFEUL, (ushort)0x4000, 1),
            Mnemonic.Fldlg2 => (0x9A209A84FBCFF798UL, (ushort)0x3FFD, 2),
            Mnemonic.Fldln2 => (0xB17217F7D1CF79ABUL, (ushort)0x3FFE, 3),
            _ => (0UL, (ushort)0, 0),
        };
        bool up = rc switch
        {
            0 => extra >= 2, // the constants' further bits are non-zero: 2 is above the tie
            2 => extra != 0,
            _ => false,
        };
        return new Float80(up ? sig + 1 : sig, exp);
    }

    public static void FldConstant(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        var v = Constant(op.Code.Mnemonic(), (cpu.State->FpuControl >> 10) & 3);
        int top = (cpu.State->FpuTop - 1) & 7;
        bool overflow = ((cpu.State->FpuTag >> (2 * top)) & 3) != TagEmpty;
        PushSt(cpu, v);
        if (!overflow) cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
    }

    public static void Fxch(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        int i = op.OpCount > 1 ? op.Reg1 : 1;
        bool e0 = StEmpty(cpu, 0), ei = StEmpty(cpu, i);
        if (e0 || ei)
        {
            RaiseStackFault(cpu, overflow: false);
            if (!IeMasked(cpu)) return;
        }
        else
        {
            cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
        }
        var a = e0 ? Float80.Indefinite : ReadSt(cpu, 0);
        var b = ei ? Float80.Indefinite : ReadSt(cpu, i);
        WriteSt(cpu, 0, b);
        WriteSt(cpu, i, a);
    }

    public static void Ffree(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        SetTag(cpu, StPhys(cpu, op.Reg0), TagEmpty);
        // FFREEP pops: ST(0) becomes empty as well, not just TOP incremented.
        if (op.Code.Mnemonic() == Mnemonic.Ffreep) PopSt(cpu);
    }

    /// <summary>
    /// D9 D8+i, the FSTP alias without the empty check: copies ST(0)'s register and tag to ST(i) as they
    /// are (nothing when ST(0) is empty), raises nothing, clears C1 and pops.
    /// </summary>
    public static void Fstpnce(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        int src = StPhys(cpu, 0), dst = StPhys(cpu, op.Reg0);
        if (!StEmpty(cpu, 0))
        {
            cpu.State->FpuSignificand[dst] = cpu.State->FpuSignificand[src];
            cpu.State->FpuSignExponent[dst] = cpu.State->FpuSignExponent[src];
            SetTag(cpu, dst, (cpu.State->FpuTag >> (2 * src)) & 3);
        }
        cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
        PopSt(cpu);
    }

    public static void Fincstp(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        cpu.State->FpuTop = (cpu.State->FpuTop + 1) & 7;
        cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
    }

    public static void Fdecstp(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        cpu.State->FpuTop = (cpu.State->FpuTop - 1) & 7;
        cpu.State->FpuStatus &= unchecked((ushort)~FswC1);
    }

    public static void Fcmov(Cpu cpu, ref DecodedOp op)
    {
        NoteX87(cpu, ref op, 0);
        int i = op.Reg1;
        if (StEmpty(cpu, 0) || StEmpty(cpu, i))
        {
            RaiseStackFault(cpu, overflow: false);
            if (IeMasked(cpu)) WriteSt(cpu, 0, Float80.Indefinite);
            return;
        }
        // C1 changes only on stack underflow (SDM: "set to 0 if stack underflow occurred").
        int cc = op.Code switch
        {
            Code.Fcmovb_st0_sti => 2,
            Code.Fcmovnb_st0_sti => 3,
            Code.Fcmove_st0_sti => 4,
            Code.Fcmovne_st0_sti => 5,
            Code.Fcmovbe_st0_sti => 6,
            Code.Fcmovnbe_st0_sti => 7,
            Code.Fcmovu_st0_sti => 10,
            _ => 11,
        };
        if (cpu.Condition(cc)) WriteSt(cpu, 0, ReadSt(cpu, i));
    }
}
