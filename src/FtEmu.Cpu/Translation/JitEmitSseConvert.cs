using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Inline IL for CVTSI2SD (from r/m32 or r/m64) and CVTTSD2SI (to r32 or r64).</summary>
internal sealed unsafe partial class JitEmitter
{
    private void EmitSseConvert(ref DecodedOp op)
    {
        if (op.Code is Code.Cvttsd2si_r32_xmmm64 or Code.Cvttsd2si_r64_xmmm64)
        {
            // The GPR is written only after the call, which raises #XM first.
            _il.Emit(OpCodes.Ldarg_1);
            LoadSource64(ref op);
            _il.Emit(op.Size0 == 8 ? OpCodes.Ldc_I4_1 : OpCodes.Ldc_I4_0);
            _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
            _il.Emit(OpCodes.Call, JitSseConvertOps.Cvttsd2siMethod);
            _il.Emit(OpCodes.Stloc, _t0);
            StoreGpr(op.Reg0, op.Size0, _t0);
            ReadXmmStateOnly();
            return;
        }
        if (op.Size1 == 8)
        {
            _il.Emit(OpCodes.Ldarg_1);
            LoadOperand(ref op, op.Kind1, op.Reg1, 8);
            _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
            _il.Emit(OpCodes.Call, JitSseConvertOps.Cvtsi2sd64Method);
        }
        else
        {
            // Every int32 is a double: the conversion is exact in every mode and raises nothing, so it is plain IL.
            LoadOperand(ref op, op.Kind1, op.Reg1, 4);
            _il.Emit(OpCodes.Conv_I4);
            _il.Emit(OpCodes.Conv_R8);
            _il.Emit(OpCodes.Stloc, _sseResult);
            StoreLowDouble(op.Reg0, _sseResult); // the XMM values this member keeps stay right
            return;
        }
        _il.Emit(OpCodes.Stloc, _t0);
        StoreState64(XmmOffset(op.Reg0, 0), _t0);
        WroteXmmState(op.Reg0);
    }
}
