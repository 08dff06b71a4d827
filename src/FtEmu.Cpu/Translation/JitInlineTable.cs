using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>How the JIT emits one op: inline IL of a family, or a call of its interpreter handler.</summary>
internal enum JitForm : byte
{
    Fallback,
    Nop,
    Mov,
    Movzx,
    Movsx,
    Lea,
    Alu,
    IncDec,
    Neg,
    Not,
    Shift,
    Imul,
    Jcc,
    Setcc,
    Cmov,
    Jmp,
    Call,
    Ret,
    Push,
    Pop,
    Rotate,
    /// <summary>MOVAPS/MOVAPD/MOVDQA between registers, MOVUPS/MOVUPD/MOVDQU with any operands.</summary>
    XmmMove,
    /// <summary>MOVSD (the SSE2 scalar move, not the string instruction).</summary>
    Movsd,
    /// <summary>SHL/SAL/SHR/SAR by CL: the count is known only at run time.</summary>
    ShiftCl,
    /// <summary>ADC/SBB: read CF, write all six flags.</summary>
    Carry,
    Bswap,
    /// <summary>BSF/BSR (Alu None/Shr: forward/reverse).</summary>
    BitScan,
    /// <summary>SSE integer, bitwise and GPR/XMM transfer instructions of <see cref="JitSseIntTable"/> (no RFLAGS access).</summary>
    SseInt,
    /// <summary>ADDSD/SUBSD/MULSD/DIVSD/MINSD/MAXSD and their PD forms (legacy SSE2 encodings): MXCSR flags, #XM.</summary>
    SseFloat,
    /// <summary>SQRTSD/SQRTPD (legacy SSE2 encodings): MXCSR flags, #XM.</summary>
    SseSqrt,
    /// <summary>COMISD/UCOMISD: MXCSR flags, #XM, and ZF/PF/CF with OF/SF/AF cleared in RFLAGS.</summary>
    SseComi,
    /// <summary>CVTSI2SD from r/m32 or r/m64 and CVTTSD2SI to r32 or r64: MXCSR flags, #XM (not CVTSI2SD r/m32, which is exact).</summary>
    SseConvert,
    /// <summary>BT/BTS/BTR/BTC (Alu Test/Or/And/Xor) with a register or immediate bit offset.</summary>
    Bit,
    /// <summary>CBW/CWDE/CDQE/CWD/CDQ/CQO.</summary>
    SignExtendAcc,
    /// <summary>XCHG of a register with a register or memory (without LOCK).</summary>
    Xchg,
    /// <summary>MUL, IMUL with one operand, DIV, IDIV (Alu Mul/Imul/Div/Idiv).</summary>
    MulDiv,
    /// <summary>ROL/ROR by CL.</summary>
    RotateCl,
    /// <summary>RCL/RCR by an immediate or CL (Alu Rcl/Rcr): read CF, write CF and OF.</summary>
    RotateCarry,
    /// <summary>SHLD/SHRD by an immediate or CL (Alu Shl/Shr).</summary>
    DoubleShift,
    /// <summary>TZCNT/LZCNT/POPCNT.</summary>
    Count,
    /// <summary>CLC/STC/CMC.</summary>
    CarryFlag,
    /// <summary>LEAVE with a 64-bit stack pointer.</summary>
    Leave,
}

/// <summary>The operation within a family (ALU, INC/DEC, shifts).</summary>
internal enum JitAlu : byte
{
    None,
    Add,
    Sub,
    Cmp,
    And,
    Or,
    Xor,
    Test,
    Inc,
    Dec,
    Shl,
    Shr,
    Sar,
    Rol,
    Ror,
    Adc,
    Sbb,
    /// <summary>XmmMove: the aligned forms (a memory operand that is not 16-aligned is #GP).</summary>
    Aligned,
    Mul,
    Imul,
    Div,
    Idiv,
    Rcl,
    Rcr,
}

/// <summary>
/// Which instructions have inline emitters: a table by mnemonic, then a check of the operand form
/// (anything the emitters do not handle, e.g. LOCK, segment registers, shift counts in CL, runs
/// through the interpreter handler).
/// </summary>
internal static class JitInlineTable
{
    private static readonly Dictionary<Mnemonic, (JitForm Form, JitAlu Alu)> s_byMnemonic = Build();

    private static Dictionary<Mnemonic, (JitForm, JitAlu)> Build()
    {
        var t = new Dictionary<Mnemonic, (JitForm, JitAlu)>
        {
            [Mnemonic.Nop] = (JitForm.Nop, JitAlu.None),
            [Mnemonic.Endbr64] = (JitForm.Nop, JitAlu.None),
            [Mnemonic.Mov] = (JitForm.Mov, JitAlu.None),
            [Mnemonic.Movzx] = (JitForm.Movzx, JitAlu.None),
            [Mnemonic.Movsx] = (JitForm.Movsx, JitAlu.None),
            [Mnemonic.Movsxd] = (JitForm.Movsx, JitAlu.None),
            [Mnemonic.Lea] = (JitForm.Lea, JitAlu.None),
            [Mnemonic.Add] = (JitForm.Alu, JitAlu.Add),
            [Mnemonic.Sub] = (JitForm.Alu, JitAlu.Sub),
            [Mnemonic.Cmp] = (JitForm.Alu, JitAlu.Cmp),
            [Mnemonic.And] = (JitForm.Alu, JitAlu.And),
            [Mnemonic.Or] = (JitForm.Alu, JitAlu.Or),
            [Mnemonic.Xor] = (JitForm.Alu, JitAlu.Xor),
            [Mnemonic.Test] = (JitForm.Alu, JitAlu.Test),
            [Mnemonic.Inc] = (JitForm.IncDec, JitAlu.Inc),
            [Mnemonic.Dec] = (JitForm.IncDec, JitAlu.Dec),
            [Mnemonic.Neg] = (JitForm.Neg, JitAlu.None),
            [Mnemonic.Not] = (JitForm.Not, JitAlu.None),
            [Mnemonic.Shl] = (JitForm.Shift, JitAlu.Shl),
            [Mnemonic.Sal] = (JitForm.Shift, JitAlu.Shl),
            [Mnemonic.Shr] = (JitForm.Shift, JitAlu.Shr),
            [Mnemonic.Sar] = (JitForm.Shift, JitAlu.Sar),
            [Mnemonic.Imul] = (JitForm.Imul, JitAlu.None),
            [Mnemonic.Jmp] = (JitForm.Jmp, JitAlu.None),
            [Mnemonic.Call] = (JitForm.Call, JitAlu.None),
            [Mnemonic.Ret] = (JitForm.Ret, JitAlu.None),
            [Mnemonic.Push] = (JitForm.Push, JitAlu.None),
            [Mnemonic.Pop] = (JitForm.Pop, JitAlu.None),
            [Mnemonic.Rol] = (JitForm.Rotate, JitAlu.Rol),
            [Mnemonic.Ror] = (JitForm.Rotate, JitAlu.Ror),
            [Mnemonic.Movaps] = (JitForm.XmmMove, JitAlu.Aligned),
            [Mnemonic.Movapd] = (JitForm.XmmMove, JitAlu.Aligned),
            [Mnemonic.Movdqa] = (JitForm.XmmMove, JitAlu.Aligned),
            [Mnemonic.Movntps] = (JitForm.XmmMove, JitAlu.Aligned),
            [Mnemonic.Movntpd] = (JitForm.XmmMove, JitAlu.Aligned),
            [Mnemonic.Movntdq] = (JitForm.XmmMove, JitAlu.Aligned),
            [Mnemonic.Movups] = (JitForm.XmmMove, JitAlu.None),
            [Mnemonic.Movupd] = (JitForm.XmmMove, JitAlu.None),
            [Mnemonic.Movdqu] = (JitForm.XmmMove, JitAlu.None),
            [Mnemonic.Movsd] = (JitForm.Movsd, JitAlu.None),
            [Mnemonic.Adc] = (JitForm.Carry, JitAlu.Adc),
            [Mnemonic.Sbb] = (JitForm.Carry, JitAlu.Sbb),
            [Mnemonic.Bswap] = (JitForm.Bswap, JitAlu.None),
            [Mnemonic.Addsd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Subsd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Mulsd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Divsd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Addpd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Subpd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Mulpd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Divpd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Minsd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Maxsd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Minpd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Maxpd] = (JitForm.SseFloat, JitAlu.None),
            [Mnemonic.Sqrtsd] = (JitForm.SseSqrt, JitAlu.None),
            [Mnemonic.Sqrtpd] = (JitForm.SseSqrt, JitAlu.None),
            [Mnemonic.Comisd] = (JitForm.SseComi, JitAlu.None),
            [Mnemonic.Ucomisd] = (JitForm.SseComi, JitAlu.None),
            [Mnemonic.Cvtsi2sd] = (JitForm.SseConvert, JitAlu.None),
            [Mnemonic.Cvttsd2si] = (JitForm.SseConvert, JitAlu.None),
            [Mnemonic.Bsf] = (JitForm.BitScan, JitAlu.None),
            [Mnemonic.Bsr] = (JitForm.BitScan, JitAlu.Shr),
            [Mnemonic.Bt] = (JitForm.Bit, JitAlu.Test),
            [Mnemonic.Bts] = (JitForm.Bit, JitAlu.Or),
            [Mnemonic.Btr] = (JitForm.Bit, JitAlu.And),
            [Mnemonic.Btc] = (JitForm.Bit, JitAlu.Xor),
            [Mnemonic.Cbw] = (JitForm.SignExtendAcc, JitAlu.None),
            [Mnemonic.Cwde] = (JitForm.SignExtendAcc, JitAlu.None),
            [Mnemonic.Cdqe] = (JitForm.SignExtendAcc, JitAlu.None),
            [Mnemonic.Cwd] = (JitForm.SignExtendAcc, JitAlu.None),
            [Mnemonic.Cdq] = (JitForm.SignExtendAcc, JitAlu.None),
            [Mnemonic.Cqo] = (JitForm.SignExtendAcc, JitAlu.None),
            [Mnemonic.Xchg] = (JitForm.Xchg, JitAlu.None),
            [Mnemonic.Mul] = (JitForm.MulDiv, JitAlu.Mul),
            [Mnemonic.Div] = (JitForm.MulDiv, JitAlu.Div),
            [Mnemonic.Idiv] = (JitForm.MulDiv, JitAlu.Idiv),
            [Mnemonic.Rcl] = (JitForm.RotateCarry, JitAlu.Rcl),
            [Mnemonic.Rcr] = (JitForm.RotateCarry, JitAlu.Rcr),
            [Mnemonic.Shld] = (JitForm.DoubleShift, JitAlu.Shl),
            [Mnemonic.Shrd] = (JitForm.DoubleShift, JitAlu.Shr),
            [Mnemonic.Tzcnt] = (JitForm.Count, JitAlu.None),
            [Mnemonic.Lzcnt] = (JitForm.Count, JitAlu.None),
            [Mnemonic.Popcnt] = (JitForm.Count, JitAlu.None),
            [Mnemonic.Clc] = (JitForm.CarryFlag, JitAlu.None),
            [Mnemonic.Stc] = (JitForm.CarryFlag, JitAlu.None),
            [Mnemonic.Cmc] = (JitForm.CarryFlag, JitAlu.None),
            [Mnemonic.Leave] = (JitForm.Leave, JitAlu.None),
        };
        foreach (var m in new[] { Mnemonic.Jo, Mnemonic.Jno, Mnemonic.Jb, Mnemonic.Jae, Mnemonic.Je, Mnemonic.Jne, Mnemonic.Jbe, Mnemonic.Ja,
                     Mnemonic.Js, Mnemonic.Jns, Mnemonic.Jp, Mnemonic.Jnp, Mnemonic.Jl, Mnemonic.Jge, Mnemonic.Jle, Mnemonic.Jg })
            t[m] = (JitForm.Jcc, JitAlu.None);
        foreach (var m in new[] { Mnemonic.Seto, Mnemonic.Setno, Mnemonic.Setb, Mnemonic.Setae, Mnemonic.Sete, Mnemonic.Setne, Mnemonic.Setbe, Mnemonic.Seta,
                     Mnemonic.Sets, Mnemonic.Setns, Mnemonic.Setp, Mnemonic.Setnp, Mnemonic.Setl, Mnemonic.Setge, Mnemonic.Setle, Mnemonic.Setg })
            t[m] = (JitForm.Setcc, JitAlu.None);
        foreach (var m in new[] { Mnemonic.Cmovo, Mnemonic.Cmovno, Mnemonic.Cmovb, Mnemonic.Cmovae, Mnemonic.Cmove, Mnemonic.Cmovne, Mnemonic.Cmovbe, Mnemonic.Cmova,
                     Mnemonic.Cmovs, Mnemonic.Cmovns, Mnemonic.Cmovp, Mnemonic.Cmovnp, Mnemonic.Cmovl, Mnemonic.Cmovge, Mnemonic.Cmovle, Mnemonic.Cmovg })
            t[m] = (JitForm.Cmov, JitAlu.None);
        foreach (var m in JitSseIntTable.Mnemonics) t.Add(m, (JitForm.SseInt, JitAlu.None));
        return t;
    }

    public static (JitForm Form, JitAlu Alu) Classify(in DecodedOp op)
    {
        if (op.Code == Code.INVALID || !s_byMnemonic.TryGetValue(op.Code.Mnemonic(), out var entry)) return (JitForm.Fallback, JitAlu.None);
        // A shift's count in a register makes it a different family (flags known only at run time).
        if (entry.Form == JitForm.Shift && op.Kind1 == OperandKind.Gpr) entry.Form = JitForm.ShiftCl;
        if (entry.Form == JitForm.Rotate && op.Kind1 == OperandKind.Gpr) entry.Form = JitForm.RotateCl;
        // IMUL with one operand is the widening multiply into rDX:rAX.
        if (entry.Form == JitForm.Imul && op.OpCount == 1) entry = (JitForm.MulDiv, JitAlu.Imul);
        return Supports(entry.Form, entry.Alu, in op) ? entry : (JitForm.Fallback, JitAlu.None);
    }

    /// <summary>
    /// Handlers of this op change only XMM/x87 state, MXCSR and RFLAGS (they may read GPRs and
    /// memory, and fault): no GPR, RIP or memory write, so no reload and no stop check after them.
    /// The string compares that write RCX or XMM0 implicitly are excluded by name.
    /// </summary>
    public static bool TouchesOnlyVectorState(in DecodedOp op) =>
        op.Kind0 is OperandKind.Xmm or OperandKind.St
        && op.Kind1 is not OperandKind.Other && op.Kind2 is not OperandKind.Other && op.Kind3 is not OperandKind.Other
        && op.Code.Mnemonic() is not (Mnemonic.Pcmpestri or Mnemonic.Pcmpestri64 or Mnemonic.Pcmpistri
            or Mnemonic.Pcmpestrm or Mnemonic.Pcmpestrm64 or Mnemonic.Pcmpistrm or Mnemonic.Maskmovdqu);

    private static bool Rm(OperandKind k) => k is OperandKind.Gpr or OperandKind.Memory;

    private static bool Source(OperandKind k) => k is OperandKind.Gpr or OperandKind.Memory or OperandKind.Immediate;

    private static bool Sized(int s) => s is 1 or 2 or 4 or 8;

    /// <summary>A shift count in CL.</summary>
    private static bool ClCount(OperandKind k, int reg, int size) => k == OperandKind.Gpr && reg == Reg.Rcx && size == 1;

    private static bool XmmOrMemory(OperandKind k) => k is OperandKind.Xmm or OperandKind.Memory;

    private static bool Supports(JitForm form, JitAlu alu, in DecodedOp op)
    {
        if ((op.Prefix & OpPrefix.Lock) != 0) return false;
        bool twoMem = op.Kind0 == OperandKind.Memory && op.Kind1 == OperandKind.Memory;
        return form switch
        {
            JitForm.Nop => true,
            JitForm.Mov or JitForm.Alu => op.OpCount == 2 && Rm(op.Kind0) && Source(op.Kind1) && !twoMem && Sized(op.Size0),
            JitForm.Movzx or JitForm.Movsx => op.OpCount == 2 && op.Kind0 == OperandKind.Gpr && Rm(op.Kind1) && op.Size0 is 2 or 4 or 8 && op.Size1 is 1 or 2 or 4,
            JitForm.Lea => op.OpCount == 2 && op.Kind0 == OperandKind.Gpr && op.Kind1 == OperandKind.Memory && op.Size0 is 2 or 4 or 8,
            JitForm.IncDec or JitForm.Neg or JitForm.Not => op.OpCount == 1 && Rm(op.Kind0) && Sized(op.Size0),
            JitForm.Shift or JitForm.Rotate => op.OpCount == 2 && Rm(op.Kind0) && op.Kind1 == OperandKind.Immediate && Sized(op.Size0),
            JitForm.ShiftCl => op.OpCount == 2 && Rm(op.Kind0) && op.Kind1 == OperandKind.Gpr && op.Reg1 == Reg.Rcx && op.Size1 == 1 && Sized(op.Size0),
            JitForm.Carry => op.OpCount == 2 && Rm(op.Kind0) && Source(op.Kind1) && !twoMem && Sized(op.Size0),
            JitForm.Bswap => op.OpCount == 1 && op.Kind0 == OperandKind.Gpr && op.Size0 is 4 or 8,
            JitForm.BitScan => op.OpCount == 2 && op.Kind0 == OperandKind.Gpr && Rm(op.Kind1) && op.Size0 is 2 or 4 or 8,
            JitForm.Imul => op.Kind0 == OperandKind.Gpr && op.Size0 is 2 or 4 or 8 && Rm(op.Kind1)
                && (op.OpCount == 2 || op.OpCount == 3 && op.Kind2 == OperandKind.Immediate),
            JitForm.Jcc => op.OpCount == 1 && op.Kind0 == OperandKind.Immediate,
            JitForm.Setcc => op.OpCount == 1 && Rm(op.Kind0) && op.Size0 == 1,
            JitForm.Cmov => op.OpCount == 2 && op.Kind0 == OperandKind.Gpr && Rm(op.Kind1) && op.Size0 is 2 or 4 or 8,
            JitForm.Jmp or JitForm.Call => op.OpCount == 1 && (op.Kind0 == OperandKind.Immediate || Rm(op.Kind0) && op.Size0 == 8),
            JitForm.Ret => op.OpCount == 0 || op.OpCount == 1 && op.Kind0 == OperandKind.Immediate,
            JitForm.Push => op.OpCount == 1 && (op.Kind0 == OperandKind.Gpr && op.Size0 == 8
                || op.Kind0 == OperandKind.Immediate && op.Code is not (Code.Pushw_imm8 or Code.Push_imm16)),
            JitForm.Pop => op.OpCount == 1 && op.Kind0 == OperandKind.Gpr && op.Size0 == 8,
            JitForm.XmmMove => op.OpCount == 2 && XmmOrMemory(op.Kind0) && XmmOrMemory(op.Kind1) && !twoMem
                && (op.Kind0 == OperandKind.Xmm || op.Kind1 == OperandKind.Xmm)
                && (op.Kind0 != OperandKind.Memory || op.Size0 == 16) && (op.Kind1 != OperandKind.Memory || op.Size1 == 16),
            JitForm.Movsd => op.Code is Code.Movsd_xmm_xmmm64 or Code.Movsd_xmmm64_xmm,
            JitForm.SseInt => JitSseIntTable.Supports(in op),
            JitForm.SseFloat => op.Code is Code.Addsd_xmm_xmmm64 or Code.Subsd_xmm_xmmm64 or Code.Mulsd_xmm_xmmm64 or Code.Divsd_xmm_xmmm64
                or Code.Addpd_xmm_xmmm128 or Code.Subpd_xmm_xmmm128 or Code.Mulpd_xmm_xmmm128 or Code.Divpd_xmm_xmmm128
                or Code.Minsd_xmm_xmmm64 or Code.Maxsd_xmm_xmmm64 or Code.Minpd_xmm_xmmm128 or Code.Maxpd_xmm_xmmm128,
            JitForm.SseSqrt => op.Code is Code.Sqrtsd_xmm_xmmm64 or Code.Sqrtpd_xmm_xmmm128,
            JitForm.SseComi => op.Code is Code.Comisd_xmm_xmmm64 or Code.Ucomisd_xmm_xmmm64,
            JitForm.SseConvert => op.Code is Code.Cvtsi2sd_xmm_rm32 or Code.Cvtsi2sd_xmm_rm64 or Code.Cvttsd2si_r32_xmmm64 or Code.Cvttsd2si_r64_xmmm64,
            JitForm.Bit => op.OpCount == 2 && Rm(op.Kind0) && op.Size0 is 2 or 4 or 8
                && (op.Kind1 == OperandKind.Immediate || op.Kind1 == OperandKind.Gpr && op.Size1 == op.Size0),
            JitForm.SignExtendAcc => op.Code is Code.Cbw or Code.Cwde or Code.Cdqe or Code.Cwd or Code.Cdq or Code.Cqo,
            JitForm.MulDiv => op.OpCount == 1 && Rm(op.Kind0) && Sized(op.Size0),
            JitForm.RotateCl => op.OpCount == 2 && Rm(op.Kind0) && ClCount(op.Kind1, op.Reg1, op.Size1) && Sized(op.Size0),
            JitForm.RotateCarry => op.OpCount == 2 && Rm(op.Kind0) && (op.Kind1 == OperandKind.Immediate || ClCount(op.Kind1, op.Reg1, op.Size1)) && Sized(op.Size0),
            JitForm.DoubleShift => op.OpCount == 3 && Rm(op.Kind0) && op.Kind1 == OperandKind.Gpr && op.Size1 == op.Size0 && op.Size0 is 2 or 4 or 8
                && (op.Kind2 == OperandKind.Immediate || ClCount(op.Kind2, op.Reg2, op.Size2)),
            JitForm.Count => op.OpCount == 2 && op.Kind0 == OperandKind.Gpr && Rm(op.Kind1) && op.Size0 is 2 or 4 or 8 && op.Size1 == op.Size0,
            JitForm.CarryFlag => op.Code is Code.Clc or Code.Stc or Code.Cmc,
            JitForm.Leave => op.Code == Code.Leaveq,
            JitForm.Xchg => op.OpCount == 2 && Rm(op.Kind0) && op.Kind1 == OperandKind.Gpr && Sized(op.Size0) && op.Size1 == op.Size0,
            _ => false,
        };
    }
}
