using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for data movement: MOV, MOVZX, MOVSX/MOVSXD, LEA, PUSH, POP.</summary>
internal sealed unsafe partial class JitEmitter
{
    private void EmitMov(ref DecodedOp op)
    {
        bool below4G = ReadsBelow4G(ref op, op.Kind1, op.Reg1, op.Size0);
        LoadOperand(ref op, op.Kind1, op.Reg1, op.Size0);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreOperand0(ref op, _t0, below4G);
    }

    private void EmitMovzx(ref DecodedOp op, bool signed)
    {
        LoadOperand(ref op, op.Kind1, op.Reg1, op.Size1);
        if (signed) SignExtend(op.Size1);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreGpr(op.Reg0, op.Size0, _t0, below4G: !signed);
    }

    private void EmitLea(ref DecodedOp op) => StoreGpr(op.Reg0, op.Size0, _ea);

    private void EmitPush(ref DecodedOp op)
    {
        // The value is read before RSP moves (PUSH RSP pushes the old RSP); memory first, so that a fault changes nothing.
        LoadOperand(ref op, op.Kind0, op.Reg0, 8);
        _il.Emit(OpCodes.Stloc, _t0);
        EmitPushValue(_t0);
    }

    /// <summary>RSP -= 8, then the value stored at the new RSP; RSP changes only after the write succeeded.</summary>
    private void EmitPushValue(LocalBuilder value)
    {
        LoadGpr(Reg.Rsp, 8);
        _il.Emit(OpCodes.Ldc_I8, 8L);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Stloc, _t1);
        WriteMemory(_t1, 8, value);
        StoreGpr(Reg.Rsp, 8, _t1);
    }

    private void EmitPop(ref DecodedOp op)
    {
        EmitPopValue(_t0, 0);
        StoreGpr(op.Reg0, 8, _t0);
    }

    /// <summary>Reads the quadword at RSP into <paramref name="value"/>, then RSP += 8 + extra.</summary>
    private void EmitPopValue(LocalBuilder value, ulong extra)
    {
        LoadGpr(Reg.Rsp, 8);
        _il.Emit(OpCodes.Stloc, _t1);
        ReadMemory(_t1, 8);
        _il.Emit(OpCodes.Stloc, value);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldc_I8, (long)(8 + extra));
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Stloc, _t1);
        StoreGpr(Reg.Rsp, 8, _t1);
    }
}
