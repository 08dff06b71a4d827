using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Inline IL for the SSE2 double-precision arithmetic: ADDSD/SUBSD/MULSD/DIVSD and ADDPD/SUBPD/MULPD/DIVPD.</summary>
internal sealed unsafe partial class JitEmitter
{

    /// <summary>The operation of a JitForm.SseFloat Code.</summary>
    internal static FOp SseFloatOp(Code code) => code switch
    {
        Code.Addsd_xmm_xmmm64 or Code.Addpd_xmm_xmmm128 => FOp.Add,
        Code.Subsd_xmm_xmmm64 or Code.Subpd_xmm_xmmm128 => FOp.Sub,
        Code.Mulsd_xmm_xmmm64 or Code.Mulpd_xmm_xmmm128 => FOp.Mul,
        Code.Divsd_xmm_xmmm64 or Code.Divpd_xmm_xmmm128 => FOp.Div,
        _ => throw new InvalidOperationException($"{code} is not an inline SSE float op"),
    };

    private void EmitSseFloat(ref DecodedOp op)
    {
        FOp f = SseFloatOp(op.Code);
        bool scalar = op.Code is Code.Addsd_xmm_xmmm64 or Code.Subsd_xmm_xmmm64 or Code.Mulsd_xmm_xmmm64 or Code.Divsd_xmm_xmmm64;
        if (scalar)
        {
            // The source is read first (it may fault), then the result replaces the low lane only.
            _il.Emit(OpCodes.Ldarg_1);
            LoadState64(XmmOffset(op.Reg0, 0));
            if (op.Kind1 == OperandKind.Xmm) LoadState64(XmmOffset(op.Reg1, 0));
            else ReadMemory(_ea, 8);
            _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
            _il.Emit(OpCodes.Call, JitSseFloatOps.For(f, scalar: true));
            _il.Emit(OpCodes.Stloc, _t0);
            StoreState64(XmmOffset(op.Reg0, 0), _t0);
            return;
        }
        if (op.Kind1 == OperandKind.Xmm)
        {
            LoadState64(XmmOffset(op.Reg1, 0));
            _il.Emit(OpCodes.Stloc, _t0);
            LoadState64(XmmOffset(op.Reg1, 1));
            _il.Emit(OpCodes.Stloc, _t1);
        }
        else
        {
            // A legacy-SSE m128 operand must be 16-aligned (#GP before the access).
            _il.Emit(OpCodes.Ldloc, _ea);
            _il.Emit(OpCodes.Call, s_checkAligned);
            _il.Emit(OpCodes.Ldloc, _mem);
            _il.Emit(OpCodes.Ldloc, _ea);
            _il.Emit(OpCodes.Ldloca, _t0);
            _il.Emit(OpCodes.Ldloca, _t1);
            _il.Emit(OpCodes.Call, JitLayout.Read128);
        }
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldc_I4, (int)op.Reg0);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
        _il.Emit(OpCodes.Call, JitSseFloatOps.For(f, scalar: false));
    }
}
