using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for SHL/SAL/SHR/SAR by CL.</summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>
    /// The masked count decides at run time whether the flags change: the plan treats the op as a
    /// partial flag writer, so the previous record is in the state where it can be observed, and a
    /// nonzero count replaces it with the shift's lazy record (the one the immediate forms store).
    /// </summary>
    private void EmitShiftCl(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        LoadGpr(Reg.Rcx, 1);
        _il.Emit(OpCodes.Ldc_I8, size == 8 ? 0x3FL : 0x1FL);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Stloc, _t1);
        _il.Emit(OpCodes.Ldloc, _t0);
        if (p.Alu == JitAlu.Sar) SignExtend(size);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Conv_I4);
        _il.Emit(p.Alu switch { JitAlu.Shl => OpCodes.Shl, JitAlu.Shr => OpCodes.Shr_Un, _ => OpCodes.Shr });
        Truncate(size);
        _il.Emit(OpCodes.Stloc, _t2);
        // A count of 0 still writes the destination back (and zero-extends a 32-bit register).
        StoreOperand0(ref op, _t2);
        if (!p.StoreFlags) return;
        var keep = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Brfalse, keep);
        var kind = p.Alu switch { JitAlu.Shl => FlagOp.Shl, JitAlu.Shr => FlagOp.Shr, _ => FlagOp.Sar };
        StoreState64(JitLayout.LazyOp, (ulong)(uint)kind | ((ulong)(uint)size << 32));
        StoreState64(JitLayout.LazyResult, _t2);
        StoreState64(JitLayout.LazyA, _t0);
        StoreState64(JitLayout.LazyB, _t1);
        _il.MarkLabel(keep);
    }
}
