using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Inline IL for integer arithmetic: ADD/SUB/CMP/AND/OR/XOR/TEST, INC/DEC, NEG, NOT, SHL/SHR/SAR by an immediate, IMUL.</summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>Pushes operand 0 (register or memory at EA) for a read-modify-write.</summary>
    private void LoadOperand0(ref DecodedOp op) => LoadOperand(ref op, op.Kind0, op.Reg0, op.Size0);

    private void EmitAlu(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        bool a4 = ReadsBelow4G(ref op, op.Kind0, op.Reg0, size), b4 = ReadsBelow4G(ref op, op.Kind1, op.Reg1, size);
        bool logic = p.Alu is JitAlu.And or JitAlu.Test or JitAlu.Or or JitAlu.Xor;
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        LoadOperand(ref op, op.Kind1, op.Reg1, size);
        _il.Emit(OpCodes.Stloc, _t1);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(p.Alu switch
        {
            JitAlu.Add => OpCodes.Add,
            JitAlu.Sub or JitAlu.Cmp => OpCodes.Sub,
            JitAlu.And or JitAlu.Test => OpCodes.And,
            JitAlu.Or => OpCodes.Or,
            _ => OpCodes.Xor,
        });
        // Logic ops on operands read at their size (zero-extended) stay within it.
        if (!logic || size < 4) Truncate(size);
        _il.Emit(OpCodes.Stloc, _t2);
        bool below4G = size == 4 || (p.Alu == JitAlu.And ? a4 || b4 : logic && a4 && b4);
        if (p.Alu is not (JitAlu.Cmp or JitAlu.Test)) StoreOperand0(ref op, _t2, below4G);
        ProduceLazyFlags(ref p, p.Produces == JitFlags.Add ? FlagOp.Add : p.Produces == JitFlags.Sub ? FlagOp.Sub : FlagOp.Logic, size, _t0, _t1, _t2);
    }

    private void EmitIncDec(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldc_I8, 1L);
        _il.Emit(p.Alu == JitAlu.Inc ? OpCodes.Add : OpCodes.Sub);
        Truncate(size);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2, below4G: size == 4);
        if (p.StoreFlags) EmitMaterializeCarry(ref p);
        ProduceLazyFlags(ref p, p.Alu == JitAlu.Inc ? FlagOp.Inc : FlagOp.Dec, size, _t0, null, _t2);
    }

    /// <summary>
    /// CF survives INC/DEC: make it concrete from the record about to be replaced. When this block's
    /// last producer is known, that record is in the state (the plan stores it, as INC/DEC's flags are
    /// observable) and in the flag locals, so CF comes from the locals; after another INC/DEC it is
    /// concrete already.
    /// </summary>
    private void EmitMaterializeCarry(ref JitOpPlan p)
    {
        switch (p.KnownBefore)
        {
            case JitFlags.Inc or JitFlags.Dec:
                return;
            case JitFlags.Logic or JitFlags.Add or JitFlags.Sub:
                StateAddress(JitLayout.FlagsBase);
                LoadState64(JitLayout.FlagsBase);
                _il.Emit(OpCodes.Ldc_I8, unchecked((long)~RFlags.CF));
                _il.Emit(OpCodes.And);
                if (p.KnownBefore != JitFlags.Logic)
                {
                    // CF = 1 is bit 0: the unsigned compare's 0/1 is the flag.
                    if (p.KnownBefore == JitFlags.Add) Compare(_fr, _fa, OpCodes.Clt_Un, negate: false);
                    else Compare(_fa, _fb, OpCodes.Clt_Un, negate: false);
                    _il.Emit(OpCodes.Conv_U8);
                    _il.Emit(OpCodes.Or);
                }
                _il.Emit(OpCodes.Stind_I8);
                return;
            default:
                EmitCarryFromStateRecord();
                return;
        }
    }

    /// <summary>
    /// CF from the state's record when the compiler does not know its producer (a member's first
    /// INC/DEC, after a loop's back edge): ADD and SUB records compare in IL, a logic record clears
    /// CF, INC/DEC and none leave it; shifts go to <see cref="Cpu.MaterializeCarry"/>.
    /// </summary>
    private void EmitCarryFromStateRecord()
    {
        var op = _il.DeclareLocal(typeof(int));
        var notSub = _il.DefineLabel();
        var notAdd = _il.DefineLabel();
        var notLogic = _il.DefineLabel();
        var set = _il.DefineLabel();
        var done = _il.DefineLabel();
        StateAddress(JitLayout.LazyOp);
        _il.Emit(OpCodes.Ldind_I4);
        _il.Emit(OpCodes.Stloc, op);
        // Operands masked to the record's size: ~0 >> (64 - 8 * size).
        void Masked(int offset)
        {
            LoadState64(offset);
            _il.Emit(OpCodes.Ldc_I8, -1L);
            _il.Emit(OpCodes.Ldc_I4, 64);
            StateAddress(JitLayout.LazyOp + 4);
            _il.Emit(OpCodes.Ldind_I4);
            _il.Emit(OpCodes.Ldc_I4_3);
            _il.Emit(OpCodes.Shl);
            _il.Emit(OpCodes.Sub);
            _il.Emit(OpCodes.Shr_Un);
            _il.Emit(OpCodes.And);
        }
        _il.Emit(OpCodes.Ldloc, op);
        _il.Emit(OpCodes.Ldc_I4, (int)FlagOp.Sub);
        _il.Emit(OpCodes.Bne_Un, notSub);
        Masked(JitLayout.LazyA); // borrow: a < b
        Masked(JitLayout.LazyB);
        _il.Emit(OpCodes.Clt_Un);
        _il.Emit(OpCodes.Br, set);
        _il.MarkLabel(notSub);
        _il.Emit(OpCodes.Ldloc, op);
        _il.Emit(OpCodes.Ldc_I4, (int)FlagOp.Add);
        _il.Emit(OpCodes.Bne_Un, notAdd);
        Masked(JitLayout.LazyResult); // carry: the sum wrapped below an operand
        Masked(JitLayout.LazyA);
        _il.Emit(OpCodes.Clt_Un);
        _il.Emit(OpCodes.Br, set);
        _il.MarkLabel(notAdd);
        _il.Emit(OpCodes.Ldloc, op);
        _il.Emit(OpCodes.Ldc_I4, (int)FlagOp.Logic);
        _il.Emit(OpCodes.Bne_Un, notLogic);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Br, set);
        _il.MarkLabel(notLogic);
        _il.Emit(OpCodes.Ldloc, op);
        _il.Emit(OpCodes.Ldc_I4, (int)FlagOp.Dec);
        _il.Emit(OpCodes.Ble_Un, done); // None, INC, DEC: CF is in FlagsBase already
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Call, JitLayout.MaterializeCarry);
        _il.Emit(OpCodes.Br, done);
        _il.MarkLabel(set);
        // FlagsBase = FlagsBase & ~CF | cf (CF is bit 0).
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _t1);
        StateAddress(JitLayout.FlagsBase);
        LoadState64(JitLayout.FlagsBase);
        _il.Emit(OpCodes.Ldc_I8, unchecked((long)~RFlags.CF));
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Or);
        _il.Emit(OpCodes.Stind_I8);
        _il.MarkLabel(done);
    }

    private void EmitNeg(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t1);
        _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Sub);
        Truncate(size);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2, below4G: size == 4);
        _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(OpCodes.Stloc, _t0);
        ProduceLazyFlags(ref p, FlagOp.Sub, size, _t0, _t1, _t2);
    }

    private void EmitNot(ref DecodedOp op)
    {
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Not);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2);
    }

    private void EmitShift(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        int n = JitFlagPlan.ShiftCount(in op);
        bool below4G = ReadsBelow4G(ref op, op.Kind0, op.Reg0, size);
        LoadOperand0(ref op);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t0);
        if (p.Alu == JitAlu.Sar) SignExtend(size);
        if (n != 0)
        {
            _il.Emit(OpCodes.Ldc_I4, n);
            _il.Emit(p.Alu switch { JitAlu.Shl => OpCodes.Shl, JitAlu.Shr => OpCodes.Shr_Un, _ => OpCodes.Shr });
        }
        // A logical right shift of an operand read at its size stays within it.
        if (p.Alu != JitAlu.Shr || size < 4) Truncate(size);
        _il.Emit(OpCodes.Stloc, _t2);
        // A count of 0 still writes the destination back (and zero-extends a 32-bit register), but leaves the flags.
        StoreOperand0(ref op, _t2, below4G: size == 4 || p.Alu == JitAlu.Shr && below4G);
        if (n == 0) return;
        // Recorded lazily like the ALU ops: operand (masked), count, result.
        _il.Emit(OpCodes.Ldc_I8, (long)n);
        _il.Emit(OpCodes.Stloc, _t1);
        ProduceLazyFlags(ref p, p.Alu switch { JitAlu.Shl => FlagOp.Shl, JitAlu.Shr => FlagOp.Shr, _ => FlagOp.Sar }, size, _t0, _t1, _t2);
    }

    private void EmitRotate(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0, bits = size * 8;
        int n = JitFlagPlan.ShiftCount(in op);
        int k = p.Alu == JitAlu.Rol ? n & (bits - 1) : (bits - (n & (bits - 1))) & (bits - 1);
        LoadOperand0(ref op);
        BeginRotateLeft(size);
        _il.Emit(OpCodes.Ldc_I4, k);
        EndRotateLeft(size);
        _il.Emit(OpCodes.Stloc, _t2);
        StoreOperand0(ref op, _t2, below4G: size == 4);
        // ROL/ROR change only CF and OF, so they merge into the state's flags (and only when the count is not 0).
        if (n == 0 || !p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, _t2);
        _il.Emit(OpCodes.Ldc_I4, size);
        _il.Emit(OpCodes.Call, p.Alu == JitAlu.Rol ? JitLayout.SetRolFlags : JitLayout.SetRorFlags);
    }

    /// <summary>
    /// Rotates the operand on the stack left by the int count pushed between the two calls (0 &lt;= k &lt; width).
    /// 32 and 64 bits go through BitOperations.RotateLeft, which .NET emits as one ROL; the
    /// interpreter's shift-or form, inlined, cost sha256 temporaries and spills.
    /// </summary>
    private void BeginRotateLeft(int size)
    {
        if (size == 4) _il.Emit(OpCodes.Conv_U4);
    }

    private void EndRotateLeft(int size)
    {
        switch (size)
        {
            case 8: _il.Emit(OpCodes.Call, JitLayout.RotateLeft64); break;
            case 4: _il.Emit(OpCodes.Call, JitLayout.RotateLeft32); _il.Emit(OpCodes.Conv_U8); break;
            default:
                _il.Emit(OpCodes.Ldc_I4, size);
                _il.Emit(OpCodes.Call, JitLayout.RotateLeft);
                break;
        }
    }

    private void EmitImul(ref DecodedOp op, ref JitOpPlan p)
    {
        int size = op.Size0;
        // Two operands: reg *= r/m; three: reg = r/m * imm.
        if (op.OpCount == 2) LoadGpr(op.Reg0, size);
        else LoadOperand(ref op, op.Kind1, op.Reg1, size);
        SignExtend(size);
        _il.Emit(OpCodes.Stloc, _t0);
        if (op.OpCount == 2) LoadOperand(ref op, op.Kind1, op.Reg1, size);
        else _il.Emit(OpCodes.Ldc_I8, (long)(op.Imm & Cpu.SizeMask(size)));
        SignExtend(size);
        _il.Emit(OpCodes.Stloc, _t1);
        if (size == 8 && !p.StoreFlags)
        {
            // Flags dead: only the low half matters.
            _il.Emit(OpCodes.Ldloc, _t0);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Mul);
            _il.Emit(OpCodes.Stloc, _t2);
            StoreGpr(op.Reg0, size, _t2);
            return;
        }
        if (size == 8)
        {
            // hi = BigMul(a, b, out lo); overflow when hi is not the sign extension of lo.
            _il.Emit(OpCodes.Ldloc, _t0);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Ldloca, _out0);
            _il.Emit(OpCodes.Call, JitLayout.BigMul);
            _il.Emit(OpCodes.Ldloc, _out0);
            _il.Emit(OpCodes.Stloc, _t2);
            _il.Emit(OpCodes.Ldloc, _t2);
            _il.Emit(OpCodes.Ldc_I4, 63);
            _il.Emit(OpCodes.Shr);
            _il.Emit(OpCodes.Ceq);
        }
        else
        {
            // Both factors fit in 32 bits, so the exact product fits in 64; overflow when it differs from its truncation.
            _il.Emit(OpCodes.Ldloc, _t0);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Mul);
            _il.Emit(OpCodes.Stloc, _t1);
            _il.Emit(OpCodes.Ldloc, _t1);
            SignExtend(size);
            _il.Emit(OpCodes.Stloc, _t2);
            _il.Emit(OpCodes.Ldloc, _t2);
            _il.Emit(OpCodes.Ldloc, _t1);
            _il.Emit(OpCodes.Ceq);
        }
        // Stack: 1 when there is no overflow.
        var noOverflow = _il.DeclareLocal(typeof(bool));
        _il.Emit(OpCodes.Stloc, noOverflow);
        StoreGpr(op.Reg0, size, _t2);
        if (!p.StoreFlags) return;
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, noOverflow);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
        _il.Emit(OpCodes.Call, JitLayout.SetMulFlags);
    }
}
