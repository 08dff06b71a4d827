using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for ADC and SBB.</summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>
    /// CF comes from the state (the plan keeps the previous record stored before ADC/SBB); the
    /// flags are computed by the interpreter's own helper, only where the plan says they are observed.
    /// </summary>
    private void EmitCarry(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        bool adc = p.Alu == JitAlu.Adc;
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        LoadOperand(ref op, op.Kind1, op.Reg1, size);
        _il.Emit(OpCodes.Stloc, _t1);
        var carry = _il.DeclareLocal(typeof(ulong));
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Call, JitLayout.CarryFlag);
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, carry);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(adc ? OpCodes.Add : OpCodes.Sub);
        _il.Emit(OpCodes.Ldloc, carry);
        _il.Emit(adc ? OpCodes.Add : OpCodes.Sub);
        Truncate(size);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldloc, carry);
        _il.Emit(OpCodes.Ldloc, _t2);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(OpCodes.Call, adc ? JitLayout.SetAdcFlags : JitLayout.SetSbbFlags);
    }
}
