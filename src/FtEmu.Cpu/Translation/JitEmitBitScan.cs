using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for BSF and BSR.</summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>
    /// A zero source leaves the destination untouched (not even zero-extended), so the value
    /// stored is the old full register then; the register cache sees one unconditional write.
    /// </summary>
    private void EmitBitScan(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        LoadOperand(ref op, op.Kind1, op.Reg1, size);
        _il.Emit(OpCodes.Stloc, _t1);
        LoadGpr(op.Reg0, 8);
        _il.Emit(OpCodes.Stloc, _t2);
        if (p.Alu == JitAlu.Shr)
        {
            _il.Emit(OpCodes.Ldc_I4, 63);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Call, JitLayout.LeadingZeroCount);
            _il.Emit(OpCodes.Sub);
        }
        else
        {
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Call, JitLayout.TrailingZeroCount);
        }
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _t0);
        var found = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Brtrue, found);
        _il.Emit(OpCodes.Ldloc, _t2);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.MarkLabel(found);
        // 16 bits merge (the old low half is the old value); 32/64 store the full value (the index is below 64).
        StoreGpr(op.Reg0, size == 2 ? 2 : 8, _t0);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Call, JitLayout.SetBitScanFlags);
    }
}
