using Iced.Intel;

namespace FtEmu.DiffTest;

/// <summary>
/// The one table of what the Intel SDM (vol. 2, each instruction's "Flags Affected") and the AMD APM
/// (vol. 3, appendix) call undefined: those flags, and only those, are not compared. Every flag not
/// named here is compared exactly, so an instruction missing from the table is held to "all defined".
/// </summary>
public static class UndefinedFlags
{
    public const ulong CF = 0x1, PF = 0x4, AF = 0x10, ZF = 0x40, SF = 0x80, OF = 0x800;
    public const ulong Arith = CF | PF | AF | ZF | SF | OF;

    private enum Rule
    {
        /// <summary>These flags are always undefined.</summary>
        Always,
        /// <summary>SHL/SHR/SAR: count 0 changes nothing; AF undefined for any other count; OF too when count &gt; 1.</summary>
        Shift,
        /// <summary>ROL/ROR/RCL/RCR: count 0 changes nothing; OF undefined unless count is 1.</summary>
        Rotate,
        /// <summary>SHLD/SHRD: as Shift; a count above the operand size leaves the result and all flags undefined.</summary>
        DoubleShift,
    }

    private static readonly Dictionary<Mnemonic, (Rule Rule, ulong Flags)> s_table = new()
    {
        [Mnemonic.Mul] = (Rule.Always, SF | ZF | AF | PF),
        [Mnemonic.Imul] = (Rule.Always, SF | ZF | AF | PF),
        [Mnemonic.Div] = (Rule.Always, Arith),
        [Mnemonic.Idiv] = (Rule.Always, Arith),
        [Mnemonic.And] = (Rule.Always, AF),
        [Mnemonic.Or] = (Rule.Always, AF),
        [Mnemonic.Xor] = (Rule.Always, AF),
        [Mnemonic.Test] = (Rule.Always, AF),
        [Mnemonic.Bsf] = (Rule.Always, CF | OF | SF | AF | PF),
        [Mnemonic.Bsr] = (Rule.Always, CF | OF | SF | AF | PF),
        [Mnemonic.Bt] = (Rule.Always, OF | SF | AF | PF),
        [Mnemonic.Bts] = (Rule.Always, OF | SF | AF | PF),
        [Mnemonic.Btr] = (Rule.Always, OF | SF | AF | PF),
        [Mnemonic.Btc] = (Rule.Always, OF | SF | AF | PF),
        [Mnemonic.Shl] = (Rule.Shift, 0),
        [Mnemonic.Sal] = (Rule.Shift, 0),
        [Mnemonic.Shr] = (Rule.Shift, 0),
        [Mnemonic.Sar] = (Rule.Shift, 0),
        [Mnemonic.Rol] = (Rule.Rotate, 0),
        [Mnemonic.Ror] = (Rule.Rotate, 0),
        [Mnemonic.Rcl] = (Rule.Rotate, 0),
        [Mnemonic.Rcr] = (Rule.Rotate, 0),
        [Mnemonic.Shld] = (Rule.DoubleShift, 0),
        [Mnemonic.Shrd] = (Rule.DoubleShift, 0),
        // Claimed later by the SSE4.2/BMI work; listed now so their cases are masked correctly.
        [Mnemonic.Lzcnt] = (Rule.Always, OF | SF | PF | AF),
        [Mnemonic.Tzcnt] = (Rule.Always, OF | SF | PF | AF),
        [Mnemonic.Andn] = (Rule.Always, AF | PF),
        [Mnemonic.Blsi] = (Rule.Always, AF | PF),
        [Mnemonic.Blsmsk] = (Rule.Always, AF | PF),
        [Mnemonic.Blsr] = (Rule.Always, AF | PF),
        [Mnemonic.Bextr] = (Rule.Always, AF | SF | PF),
        [Mnemonic.Bzhi] = (Rule.Always, AF | PF),
    };

    public const ushort C0 = 0x100, C1 = 0x200, C2 = 0x400, C3 = 0x4000;

    /// <summary>x87 condition codes the SDM's "FPU Flags Affected" calls undefined, by mnemonic.</summary>
    private static readonly Dictionary<Mnemonic, ushort> s_x87 = Build(
        (C0 | C2 | C3,
        [
            Mnemonic.Fld, Mnemonic.Fild, Mnemonic.Fbld, Mnemonic.Fld1, Mnemonic.Fldl2t, Mnemonic.Fldl2e, Mnemonic.Fldpi,
            Mnemonic.Fldlg2, Mnemonic.Fldln2, Mnemonic.Fldz, Mnemonic.Fst, Mnemonic.Fstp, Mnemonic.Fstpnce, Mnemonic.Fist,
            Mnemonic.Fistp, Mnemonic.Fbstp, Mnemonic.Fadd, Mnemonic.Faddp, Mnemonic.Fiadd, Mnemonic.Fsub, Mnemonic.Fsubp,
            Mnemonic.Fisub, Mnemonic.Fsubr, Mnemonic.Fsubrp, Mnemonic.Fisubr, Mnemonic.Fmul, Mnemonic.Fmulp, Mnemonic.Fimul,
            Mnemonic.Fdiv, Mnemonic.Fdivp, Mnemonic.Fidiv, Mnemonic.Fdivr, Mnemonic.Fdivrp, Mnemonic.Fidivr, Mnemonic.Fsqrt,
            Mnemonic.Fscale, Mnemonic.Frndint, Mnemonic.Fchs, Mnemonic.Fabs, Mnemonic.Fxtract, Mnemonic.Fxch,
            Mnemonic.Fincstp, Mnemonic.Fdecstp, Mnemonic.Fpatan, Mnemonic.Fyl2x, Mnemonic.Fyl2xp1, Mnemonic.F2xm1,
            Mnemonic.Fcmovb, Mnemonic.Fcmove, Mnemonic.Fcmovbe, Mnemonic.Fcmovu, Mnemonic.Fcmovnb, Mnemonic.Fcmovne,
            Mnemonic.Fcmovnbe, Mnemonic.Fcmovnu,
        ]),
        (C0 | C3, [Mnemonic.Fsin, Mnemonic.Fcos, Mnemonic.Fsincos, Mnemonic.Fptan]),
        (C0 | C1 | C2 | C3,
        [
            Mnemonic.Ffree, Mnemonic.Ffreep, Mnemonic.Fldcw, Mnemonic.Fnstcw, Mnemonic.Fstcw, Mnemonic.Fnstsw,
            Mnemonic.Fstsw, Mnemonic.Fnstenv, Mnemonic.Fstenv, Mnemonic.Fnclex, Mnemonic.Fclex, Mnemonic.Fnop,
            Mnemonic.Wait, Mnemonic.Feni, Mnemonic.Fneni, Mnemonic.Fdisi, Mnemonic.Fndisi, Mnemonic.Fsetpm, Mnemonic.Fnsetpm,
        ]));

    private static Dictionary<Mnemonic, ushort> Build(params (int Bits, Mnemonic[] Mnemonics)[] rows)
    {
        var d = new Dictionary<Mnemonic, ushort>();
        foreach (var (bits, ms) in rows)
            foreach (var m in ms) d.Add(m, (ushort)bits);
        return d;
    }

    /// <summary>The x87 condition-code bits (in FSW) not to compare after this instruction.</summary>
    public static ushort X87For(in Instruction ins) => s_x87.TryGetValue(ins.Mnemonic, out var b) ? b : (ushort)0;

    /// <summary>The flags not to compare for this case, and whether its destination is undefined too.</summary>
    public static (ulong Flags, bool DestinationUndefined) For(DiffCase c, in Instruction ins)
    {
        if (!s_table.TryGetValue(ins.Mnemonic, out var e)) return (0, false);
        if (e.Rule == Rule.Always) return (e.Flags, false);
        int bits = ins.Op0Kind == OpKind.Register ? ins.Op0Register.GetSize() * 8 : ins.MemorySize.GetSize() * 8;
        int count = (int)(ShiftCount(c, ins) & (bits == 64 ? 0x3FUL : 0x1FUL));
        if (count == 0) return (0, false);
        return e.Rule switch
        {
            Rule.Shift => (count == 1 ? AF : AF | OF, false),
            Rule.Rotate => (count == 1 ? 0 : OF, false),
            _ => count > bits ? (Arith, true) : (count == 1 ? AF : AF | OF, false),
        };
    }

    /// <summary>The unmasked count operand: CL, an immediate, or 1.</summary>
    private static ulong ShiftCount(DiffCase c, in Instruction ins)
    {
        int last = ins.OpCount - 1;
        return ins.GetOpKind(last) switch
        {
            OpKind.Register when ins.GetOpRegister(last) == Register.CL => c.Gpr[1] & 0xFF,
            OpKind.Immediate8 => ins.Immediate8,
            _ => 1,
        };
    }
}
