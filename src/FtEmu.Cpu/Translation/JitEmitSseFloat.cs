using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Inline IL for the SSE2 double-precision arithmetic: ADDSD/SUBSD/MULSD/DIVSD/MINSD/MAXSD, their PD forms, SQRTSD/SQRTPD.</summary>
internal sealed unsafe partial class JitEmitter
{

    /// <summary>The operation of a JitForm.SseFloat Code.</summary>
    internal static FOp SseFloatOp(Code code) => code switch
    {
        Code.Addsd_xmm_xmmm64 or Code.Addpd_xmm_xmmm128 => FOp.Add,
        Code.Subsd_xmm_xmmm64 or Code.Subpd_xmm_xmmm128 => FOp.Sub,
        Code.Mulsd_xmm_xmmm64 or Code.Mulpd_xmm_xmmm128 => FOp.Mul,
        Code.Divsd_xmm_xmmm64 or Code.Divpd_xmm_xmmm128 => FOp.Div,
        Code.Minsd_xmm_xmmm64 or Code.Minpd_xmm_xmmm128 => FOp.Min,
        Code.Maxsd_xmm_xmmm64 or Code.Maxpd_xmm_xmmm128 => FOp.Max,
        _ => throw new InvalidOperationException($"{code} is not an inline SSE float op"),
    };

    private void EmitSseFloat(ref DecodedOp op)
    {
        FOp f = SseFloatOp(op.Code);
        bool scalar = op.Code is Code.Addsd_xmm_xmmm64 or Code.Subsd_xmm_xmmm64 or Code.Mulsd_xmm_xmmm64 or Code.Divsd_xmm_xmmm64
            or Code.Minsd_xmm_xmmm64 or Code.Maxsd_xmm_xmmm64;
        if (scalar)
        {
            // The source is read first (it may fault), then the result replaces the low lane only.
            _il.Emit(OpCodes.Ldarg_1);
            LoadState64(XmmOffset(op.Reg0, 0));
            LoadSource64(ref op);
            _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
            _il.Emit(OpCodes.Call, JitSseFloatOps.For(f, scalar: true));
            _il.Emit(OpCodes.Stloc, _t0);
            StoreState64(XmmOffset(op.Reg0, 0), _t0);
            WroteXmmState(op.Reg0);
            return;
        }
        LoadSource128(ref op);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldc_I4, (int)op.Reg0);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
        _il.Emit(OpCodes.Call, JitSseFloatOps.For(f, scalar: false));
        WroteXmmState(op.Reg0);
    }

    /// <summary>Operand 1 (xmm or 16-aligned m128) into _t0 (low) and _t1 (high).</summary>
    private void LoadSource128(ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            LoadState64(XmmOffset(op.Reg1, 0));
            _il.Emit(OpCodes.Stloc, _t0);
            LoadState64(XmmOffset(op.Reg1, 1));
            _il.Emit(OpCodes.Stloc, _t1);
            return;
        }
        // A legacy-SSE m128 operand must be 16-aligned (#GP before the access).
        EmitAlignmentCheck(_ea);
        ReadMemory128(_ea);
    }

    /// <summary>Operand 1 as the low quadword of an xmm or m64, pushed.</summary>
    private void LoadSource64(ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Xmm) LoadState64(XmmOffset(op.Reg1, 0));
        else ReadMemory(_ea, 8);
    }

    /// <summary>SQRTSD replaces the low lane; SQRTPD both (the method writes them once both lanes and the flags are known).</summary>
    private void EmitSseSqrt(ref DecodedOp op)
    {
        if (op.Code == Code.Sqrtsd_xmm_xmmm64)
        {
            _il.Emit(OpCodes.Ldarg_1);
            LoadSource64(ref op);
            _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
            _il.Emit(OpCodes.Call, JitSseFloatOps.SqrtSdMethod);
            _il.Emit(OpCodes.Stloc, _t0);
            StoreState64(XmmOffset(op.Reg0, 0), _t0);
            WroteXmmState(op.Reg0);
            return;
        }
        LoadSource128(ref op);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldc_I4, (int)op.Reg0);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
        _il.Emit(OpCodes.Call, JitSseFloatOps.SqrtPdMethod);
        WroteXmmState(op.Reg0);
    }
}
