using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>Inline IL for COMISD/UCOMISD: the comparison, MXCSR and RFLAGS in one call of <see cref="JitSseCompareOps"/>.</summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>
    /// Both operands are read (the memory one may fault) before the call, which writes RFLAGS to the
    /// state as the handler does; the plan counts the op as a flag clobber, so later consumers read the state.
    /// </summary>
    private void EmitSseComi(ref DecodedOp op)
    {
        _il.Emit(OpCodes.Ldarg_1);
        LoadState64(XmmOffset(op.Reg0, 0));
        LoadSource64(ref op);
        _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
        _il.Emit(OpCodes.Call, op.Code == Code.Comisd_xmm_xmmm64 ? JitSseCompareOps.ComisdMethod : JitSseCompareOps.UcomisdMethod);
    }
}
