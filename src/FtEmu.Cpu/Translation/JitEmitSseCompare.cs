using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for COMISD/UCOMISD: for operands that are normal or zero, the comparison and the six
/// status flags written to the state (<see cref="JitSseCompareOps.OrderedFlags"/>,
/// <see cref="Cpu.ReplaceStatusFlags"/>); a NaN or
/// denormal operand declines to a stub, which leaves for the interpreter or, resuming, calls the
/// handler's comparison, MXCSR/#XM step and RFLAGS write. A lazy-fault op: nothing is written back
/// before it. The plan counts it as replacing the flags, so the Jcc after it reads the state.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private void EmitSseComi(ref DecodedOp op)
    {
        var declined = _il.DefineLabel();
        var resume = _il.DefineLabel();
        PushLowDouble(op.Reg0);
        _il.Emit(OpCodes.Stloc, _sseX);
        PushSourceDouble(ref op); // may fault (a memory operand)
        _il.Emit(OpCodes.Stloc, _sseY);
        _il.Emit(OpCodes.Ldloc, _sseX);
        _il.Emit(OpCodes.Ldloc, _sseY);
        _il.Emit(OpCodes.Call, JitSseCompareOps.OrderedFlagsMethod);
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldc_I8, -1L);
        _il.Emit(OpCodes.Beq, declined);
        _il.Emit(OpCodes.Ldloc, _s);
        _il.Emit(OpCodes.Ldc_I8, (long)RFlags.Arith);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Call, JitLayout.ReplaceStatusFlags);
        _il.MarkLabel(resume); // a resuming stub's call wrote RFLAGS itself
        var slow = op.Code == Code.Comisd_xmm_xmmm64 ? JitSseCompareOps.ComisdMethod : JitSseCompareOps.UcomisdMethod;
        AddStub(declined, resume, StubKind.Float, _sseX, null, 8, call: new FloatCall(slow, op.Reg0, _sseX, _sseY, null, null));
        ReadXmmStateOnly();
    }
}
