using System.Reflection;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>How <see cref="JitForm.SseInt"/> emits an op: the operand shape, and the operation for the vector shapes.</summary>
internal enum SseIntShape : byte
{
    /// <summary>xmm0 = op(xmm0, xmm1/m128 aligned).</summary>
    Binary,
    /// <summary>xmm0 = op(xmm0, low quadword of xmm1/m128 aligned): PSLLW..PSRAD by a register count.</summary>
    ShiftByXmm,
    /// <summary>xmm0 = op(xmm0, imm8): element shifts and PSLLDQ/PSRLDQ.</summary>
    ShiftImm,
    /// <summary>xmm0 = op(xmm1/m128 aligned, imm8): PSHUFD/PSHUFLW/PSHUFHW.</summary>
    ShuffleImm,
    /// <summary>xmm0 = op(xmm0, xmm1/m128 aligned, imm8): PALIGNR, PBLENDW.</summary>
    AlignImm,
    /// <summary>xmm0 = op(xmm1/m128 aligned, or a narrower memory operand zero-extended, unaligned): PABS*, PMOVZX*/PMOVSX*.</summary>
    Unary,
    /// <summary>MOVD/MOVQ between GPRs, memory and the low quadword of an XMM register.</summary>
    MovdMovq,
    Pmovmskb,
    /// <summary>MOVLPS/MOVLPD, MOVHPS/MOVHPD: one quadword between memory and a half of an XMM register.</summary>
    MovLow,
    MovHigh,
    Movhlps,
    Movlhps,
    Pextrw,
    Pinsrw,
    /// <summary>PEXTRB/PEXTRD/PEXTRQ and PINSRB/PINSRD/PINSRQ (SSE4.1).</summary>
    Pextr,
    Pinsr,
}

/// <summary>
/// The SSE integer instructions (and the bitwise and data-movement ones they run with) that
/// compiled blocks run inline instead of calling the handler: by exact Iced Code, so the MMX and
/// VEX forms of the same mnemonics stay with their handlers. None reads or writes RFLAGS.
/// </summary>
internal static class JitSseIntTable
{
    private static readonly Dictionary<Code, (SseIntShape Shape, MethodInfo? Op)> s_byCode = Build();

    public static IEnumerable<Mnemonic> Mnemonics => s_byCode.Keys.Select(c => c.Mnemonic()).Distinct();

    public static (SseIntShape Shape, MethodInfo? Op) Get(Code code) => s_byCode[code];

    private static Dictionary<Code, (SseIntShape, MethodInfo?)> Build()
    {
        var t = new Dictionary<Code, (SseIntShape, MethodInfo?)>();
        void Op(SseIntShape shape, string name, params Code[] codes)
        {
            var m = typeof(JitSseIntOps).GetMethod(name, BindingFlags.Static | BindingFlags.Public)
                ?? throw new InvalidOperationException($"no JitSseIntOps.{name}");
            foreach (var c in codes) t.Add(c, (shape, m));
        }
        void Form(SseIntShape shape, params Code[] codes)
        {
            foreach (var c in codes) t.Add(c, (shape, null));
        }
        const SseIntShape B = SseIntShape.Binary;
        Op(B, nameof(JitSseIntOps.And), Code.Pand_xmm_xmmm128, Code.Andps_xmm_xmmm128, Code.Andpd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AndNot), Code.Pandn_xmm_xmmm128, Code.Andnps_xmm_xmmm128, Code.Andnpd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.Or), Code.Por_xmm_xmmm128, Code.Orps_xmm_xmmm128, Code.Orpd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.Xor), Code.Pxor_xmm_xmmm128, Code.Xorps_xmm_xmmm128, Code.Xorpd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddB), Code.Paddb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddW), Code.Paddw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddD), Code.Paddd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddQ), Code.Paddq_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubB), Code.Psubb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubW), Code.Psubw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubD), Code.Psubd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubQ), Code.Psubq_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddUSB), Code.Paddusb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddUSW), Code.Paddusw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubUSB), Code.Psubusb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubUSW), Code.Psubusw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddSB), Code.Paddsb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AddSW), Code.Paddsw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubSB), Code.Psubsb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SubSW), Code.Psubsw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MulHW), Code.Pmulhw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MulHUW), Code.Pmulhuw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MAddWD), Code.Pmaddwd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.SadBW), Code.Psadbw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MulLD), Code.Pmulld_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MulDQ), Code.Pmuldq_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MinSB), Code.Pminsb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MaxSB), Code.Pmaxsb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MinUW), Code.Pminuw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MaxUW), Code.Pmaxuw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MinSD), Code.Pminsd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MaxSD), Code.Pmaxsd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MinUD), Code.Pminud_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MaxUD), Code.Pmaxud_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpEqQ), Code.Pcmpeqq_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpGtQ), Code.Pcmpgtq_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.PackUSDW), Code.Packusdw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MulLW), Code.Pmullw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MulUDQ), Code.Pmuludq_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AvgB), Code.Pavgb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.AvgW), Code.Pavgw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MinUB), Code.Pminub_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MaxUB), Code.Pmaxub_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MinSW), Code.Pminsw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.MaxSW), Code.Pmaxsw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpEqB), Code.Pcmpeqb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpEqW), Code.Pcmpeqw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpEqD), Code.Pcmpeqd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpGtB), Code.Pcmpgtb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpGtW), Code.Pcmpgtw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.CmpGtD), Code.Pcmpgtd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.PackSSWB), Code.Packsswb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.PackUSWB), Code.Packuswb_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.PackSSDW), Code.Packssdw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackLowB), Code.Punpcklbw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackHighB), Code.Punpckhbw_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackLowW), Code.Punpcklwd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackHighW), Code.Punpckhwd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackLowD), Code.Punpckldq_xmm_xmmm128, Code.Unpcklps_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackHighD), Code.Punpckhdq_xmm_xmmm128, Code.Unpckhps_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackLowQ), Code.Punpcklqdq_xmm_xmmm128, Code.Unpcklpd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.UnpackHighQ), Code.Punpckhqdq_xmm_xmmm128, Code.Unpckhpd_xmm_xmmm128);
        Op(B, nameof(JitSseIntOps.Pshufb), Code.Pshufb_xmm_xmmm128);

        const SseIntShape X = SseIntShape.ShiftByXmm, I = SseIntShape.ShiftImm;
        Op(X, nameof(JitSseIntOps.Sllw), Code.Psllw_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Slld), Code.Pslld_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Sllq), Code.Psllq_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Srlw), Code.Psrlw_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Srld), Code.Psrld_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Srlq), Code.Psrlq_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Sraw), Code.Psraw_xmm_xmmm128);
        Op(X, nameof(JitSseIntOps.Srad), Code.Psrad_xmm_xmmm128);
        Op(I, nameof(JitSseIntOps.Sllw), Code.Psllw_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Slld), Code.Pslld_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Sllq), Code.Psllq_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Srlw), Code.Psrlw_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Srld), Code.Psrld_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Srlq), Code.Psrlq_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Sraw), Code.Psraw_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Srad), Code.Psrad_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Slldq), Code.Pslldq_xmm_imm8);
        Op(I, nameof(JitSseIntOps.Srldq), Code.Psrldq_xmm_imm8);

        Op(SseIntShape.ShuffleImm, nameof(JitSseIntOps.Pshufd), Code.Pshufd_xmm_xmmm128_imm8);
        Op(SseIntShape.ShuffleImm, nameof(JitSseIntOps.Pshuflw), Code.Pshuflw_xmm_xmmm128_imm8);
        Op(SseIntShape.ShuffleImm, nameof(JitSseIntOps.Pshufhw), Code.Pshufhw_xmm_xmmm128_imm8);
        Op(SseIntShape.AlignImm, nameof(JitSseIntOps.Palignr), Code.Palignr_xmm_xmmm128_imm8);
        Op(SseIntShape.AlignImm, nameof(JitSseIntOps.Pblendw), Code.Pblendw_xmm_xmmm128_imm8);

        const SseIntShape U = SseIntShape.Unary;
        Op(U, nameof(JitSseIntOps.AbsB), Code.Pabsb_xmm_xmmm128);
        Op(U, nameof(JitSseIntOps.AbsW), Code.Pabsw_xmm_xmmm128);
        Op(U, nameof(JitSseIntOps.AbsD), Code.Pabsd_xmm_xmmm128);
        Op(U, nameof(JitSseIntOps.ZxBW), Code.Pmovzxbw_xmm_xmmm64);
        Op(U, nameof(JitSseIntOps.ZxBD), Code.Pmovzxbd_xmm_xmmm32);
        Op(U, nameof(JitSseIntOps.ZxBQ), Code.Pmovzxbq_xmm_xmmm16);
        Op(U, nameof(JitSseIntOps.ZxWD), Code.Pmovzxwd_xmm_xmmm64);
        Op(U, nameof(JitSseIntOps.ZxWQ), Code.Pmovzxwq_xmm_xmmm32);
        Op(U, nameof(JitSseIntOps.ZxDQ), Code.Pmovzxdq_xmm_xmmm64);
        Op(U, nameof(JitSseIntOps.SxBW), Code.Pmovsxbw_xmm_xmmm64);
        Op(U, nameof(JitSseIntOps.SxBD), Code.Pmovsxbd_xmm_xmmm32);
        Op(U, nameof(JitSseIntOps.SxBQ), Code.Pmovsxbq_xmm_xmmm16);
        Op(U, nameof(JitSseIntOps.SxWD), Code.Pmovsxwd_xmm_xmmm64);
        Op(U, nameof(JitSseIntOps.SxWQ), Code.Pmovsxwq_xmm_xmmm32);
        Op(U, nameof(JitSseIntOps.SxDQ), Code.Pmovsxdq_xmm_xmmm64);

        Form(SseIntShape.MovdMovq, Code.Movd_xmm_rm32, Code.Movq_xmm_rm64, Code.Movd_rm32_xmm, Code.Movq_rm64_xmm,
            Code.Movq_xmm_xmmm64, Code.Movq_xmmm64_xmm);
        Form(SseIntShape.Pmovmskb, Code.Pmovmskb_r32_xmm, Code.Pmovmskb_r64_xmm);
        Form(SseIntShape.MovLow, Code.Movlps_xmm_m64, Code.Movlps_m64_xmm, Code.Movlpd_xmm_m64, Code.Movlpd_m64_xmm);
        Form(SseIntShape.MovHigh, Code.Movhps_xmm_m64, Code.Movhps_m64_xmm, Code.Movhpd_xmm_m64, Code.Movhpd_m64_xmm);
        Form(SseIntShape.Movhlps, Code.Movhlps_xmm_xmm);
        Form(SseIntShape.Movlhps, Code.Movlhps_xmm_xmm);
        Form(SseIntShape.Pextrw, Code.Pextrw_r32_xmm_imm8, Code.Pextrw_r64_xmm_imm8, Code.Pextrw_r32m16_xmm_imm8, Code.Pextrw_r64m16_xmm_imm8);
        Form(SseIntShape.Pinsrw, Code.Pinsrw_xmm_r32m16_imm8, Code.Pinsrw_xmm_r64m16_imm8);
        Form(SseIntShape.Pextr, Code.Pextrb_r32m8_xmm_imm8, Code.Pextrb_r64m8_xmm_imm8, Code.Pextrd_rm32_xmm_imm8, Code.Pextrq_rm64_xmm_imm8);
        Form(SseIntShape.Pinsr, Code.Pinsrb_xmm_r32m8_imm8, Code.Pinsrb_xmm_r64m8_imm8, Code.Pinsrd_xmm_rm32_imm8, Code.Pinsrq_xmm_rm64_imm8);
        return t;
    }

    /// <summary>Bytes of the element PEXTR*/PINSR* move, as the handlers (<see cref="Inst.Pextr"/>, <see cref="Inst.Pinsr"/>) decide it.</summary>
    public static int ElementSize(Code code) => code switch
    {
        Code.Pextrb_r32m8_xmm_imm8 or Code.Pextrb_r64m8_xmm_imm8 or Code.Pinsrb_xmm_r32m8_imm8 or Code.Pinsrb_xmm_r64m8_imm8 => 1,
        Code.Pextrd_rm32_xmm_imm8 or Code.Pinsrd_xmm_rm32_imm8 => 4,
        _ => 8,
    };

    /// <summary>Whether the op's operands are a form the emitter handles (the Code decides the rest).</summary>
    public static bool Supports(in DecodedOp op)
    {
        if (!s_byCode.TryGetValue(op.Code, out var e)) return false;
        bool xmm0 = op.Kind0 == OperandKind.Xmm, xmm1 = op.Kind1 == OperandKind.Xmm;
        bool src128 = xmm1 || op.Kind1 == OperandKind.Memory && op.Size1 == 16;
        bool imm2 = op.OpCount == 3 && op.Kind2 == OperandKind.Immediate;
        return e.Shape switch
        {
            SseIntShape.Binary or SseIntShape.ShiftByXmm => op.OpCount == 2 && xmm0 && src128,
            SseIntShape.ShiftImm => op.OpCount == 2 && xmm0 && op.Kind1 == OperandKind.Immediate,
            SseIntShape.Unary => op.OpCount == 2 && xmm0 && (xmm1 || op.Kind1 == OperandKind.Memory && op.Size1 is 2 or 4 or 8 or 16),
            SseIntShape.ShuffleImm or SseIntShape.AlignImm => imm2 && xmm0 && src128,
            SseIntShape.MovdMovq => op.OpCount == 2 && (xmm0
                ? op.Kind1 is OperandKind.Xmm || op.Kind1 is OperandKind.Gpr or OperandKind.Memory && op.Size1 is 4 or 8
                : xmm1 && op.Kind0 is OperandKind.Gpr or OperandKind.Memory && op.Size0 is 4 or 8),
            SseIntShape.Pmovmskb => op.OpCount == 2 && op.Kind0 == OperandKind.Gpr && op.Size0 is 4 or 8 && xmm1,
            SseIntShape.MovLow or SseIntShape.MovHigh => op.OpCount == 2
                && (xmm0 && op.Kind1 == OperandKind.Memory && op.Size1 == 8 || op.Kind0 == OperandKind.Memory && op.Size0 == 8 && xmm1),
            SseIntShape.Movhlps or SseIntShape.Movlhps => op.OpCount == 2 && xmm0 && xmm1,
            SseIntShape.Pextrw => imm2 && xmm1 && (op.Kind0 == OperandKind.Gpr && op.Size0 is 4 or 8 || op.Kind0 == OperandKind.Memory && op.Size0 == 2),
            SseIntShape.Pinsrw => imm2 && xmm0 && (op.Kind1 == OperandKind.Gpr && op.Size1 is 4 or 8 || op.Kind1 == OperandKind.Memory && op.Size1 == 2),
            SseIntShape.Pextr => imm2 && xmm1 && (op.Kind0 == OperandKind.Gpr && op.Size0 is 4 or 8
                || op.Kind0 == OperandKind.Memory && op.Size0 == ElementSize(op.Code)),
            SseIntShape.Pinsr => imm2 && xmm0 && (op.Kind1 == OperandKind.Gpr && op.Size1 is 4 or 8
                || op.Kind1 == OperandKind.Memory && op.Size1 == ElementSize(op.Code)),
            _ => false,
        };
    }
}
