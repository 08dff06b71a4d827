using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for conditions and control transfer: Jcc, SETcc, CMOVcc, JMP, CALL, RET.</summary>
internal sealed unsafe partial class JitEmitter
{
    private void EmitJcc(ref DecodedOp op, ref JitOpPlan p, int i)
    {
        var taken = _il.DefineLabel();
        EmitCondition(ref p, op.Cond);
        _il.Emit(OpCodes.Brtrue, taken);
        EmitBranchExit(i + 1, op.NextIp);
        _il.MarkLabel(taken);
        EmitBranchExit(i + 1, op.Imm);
    }

    private void EmitSetcc(ref DecodedOp op, ref JitOpPlan p)
    {
        EmitCondition(ref p, op.Cond);
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _t0);
        StoreOperand0(ref op, _t0);
    }

    private void EmitCmov(ref DecodedOp op, ref JitOpPlan p)
    {
        // The source is read (and may fault) whatever the condition; a 32-bit destination is zero-extended even without the move.
        LoadOperand(ref op, op.Kind1, op.Reg1, op.Size0);
        _il.Emit(OpCodes.Stloc, _t0);
        int r = FullRegister(op.Reg0);
        EnsureLoaded(r); // both branches below use the register's local
        bool below4G = ReadsBelow4G(ref op, op.Kind1, op.Reg1, op.Size0);
        bool keptBelow4G = _zext[r];
        var skip = _il.DefineLabel();
        var done = _il.DefineLabel();
        EmitCondition(ref p, op.Cond);
        _il.Emit(OpCodes.Brfalse, skip);
        StoreGpr(op.Reg0, op.Size0, _t0, below4G);
        _il.Emit(OpCodes.Br, done);
        _il.MarkLabel(skip);
        // On this path the register still holds its old value: what is known about it is what was known before the move.
        bool movedBelow4G = _zext[r];
        _zext[r] = keptBelow4G;
        if (op.Size0 == 4)
        {
            LoadGpr(op.Reg0, 4);
            _il.Emit(OpCodes.Stloc, _t0);
            StoreGpr(op.Reg0, 4, _t0, below4G: true);
        }
        _il.MarkLabel(done);
        _zext[r] = movedBelow4G && _zext[r]; // known after the join only if known on both paths
    }

    private void EmitJmp(ref DecodedOp op, int i)
    {
        if (op.Kind0 == OperandKind.Immediate)
        {
            EmitBranchExit(i + 1, op.Imm);
            return;
        }
        LoadOperand(ref op, op.Kind0, op.Reg0, 8);
        EmitCheckedTarget(_t0);
        StoreState64(JitLayout.Rip, _t0);
        EmitExit(i + 1, null);
    }

    private void EmitCall(ref DecodedOp op, int i)
    {
        bool direct = op.Kind0 == OperandKind.Immediate;
        if (!direct)
        {
            // The target is read before the return address is pushed (CALL [RSP] and CALL RSP see the old RSP).
            LoadOperand(ref op, op.Kind0, op.Reg0, 8);
            EmitCheckedTarget(_t2);
        }
        _il.Emit(OpCodes.Ldc_I8, (long)op.NextIp);
        _il.Emit(OpCodes.Stloc, _t0);
        EmitPushValue(_t0);
        if (direct)
        {
            EmitBranchExit(i + 1, op.Imm);
            return;
        }
        StoreState64(JitLayout.Rip, _t2);
        EmitExit(i + 1, null);
    }

    private void EmitRet(ref DecodedOp op, int i)
    {
        EmitPopValue(_t0, op.Kind0 == OperandKind.Immediate ? op.Imm : 0);
        // The popped RSP lives only in the register cache until the exit, so a fault here leaves RSP as it was.
        _il.Emit(OpCodes.Ldloc, _t0);
        EmitCheckedTarget(_t0);
        // Returns to a call site in the region continue there (the address is compared, never assumed).
        foreach (int site in _returnSites)
        {
            var other = _il.DefineLabel();
            _il.Emit(OpCodes.Ldloc, _t0);
            _il.Emit(OpCodes.Ldc_I8, (long)_region.Members[site].StartIp);
            _il.Emit(OpCodes.Bne_Un, other);
            EmitGoMember(i + 1, site);
            _il.MarkLabel(other);
        }
        StoreState64(JitLayout.Rip, _t0);
        EmitExit(i + 1, null);
    }
}
