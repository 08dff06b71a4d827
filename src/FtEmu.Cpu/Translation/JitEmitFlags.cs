using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>
/// Flags in generated code: a producer keeps its operands in IL locals; its lazy record goes to
/// the state only where the plan says the state can be observed (shifts too, as FlagOp.Shl/Shr/Sar); consumers the plan fused compare
/// the locals directly, the others ask <see cref="Cpu.Condition"/>.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>Keeps a lazy producer's operands (b may be absent for INC/DEC) and stores its record if needed.</summary>
    private void ProduceLazyFlags(ref JitOpPlan p, FlagOp kind, int size, LocalBuilder a, LocalBuilder? b, LocalBuilder r)
    {
        if (!p.NeedFlagValues)
        {
            _pendingFlags = null; // nothing observes these flags, nor the ones they replace
            return;
        }
        _flagLocalsChanged = true;
        _il.Emit(OpCodes.Ldloc, a);
        _il.Emit(OpCodes.Stloc, _fa);
        if (b != null)
        {
            _il.Emit(OpCodes.Ldloc, b);
            _il.Emit(OpCodes.Stloc, _fb);
        }
        _il.Emit(OpCodes.Ldloc, r);
        _il.Emit(OpCodes.Stloc, _fr);
        if (p.StoreFlags)
        {
            StoreFlagRecord(kind, size, b != null);
            _pendingFlags = null;
        }
        // A full producer's record can wait in the locals; INC/DEC's (CF in the state) is stored or dead.
        else _pendingFlags = kind is FlagOp.Inc or FlagOp.Dec ? null : (kind, size, b != null);
    }

    /// <summary>Stores the lazy-flag record held in the flag locals.</summary>
    private void StoreFlagRecord(FlagOp kind, int size, bool hasB)
    {
        // LazyOp and LazySize are adjacent ints: one store. Logic reads only the result, INC/DEC not B.
        StoreState64(JitLayout.LazyOp, (ulong)(uint)kind | ((ulong)(uint)size << 32));
        StoreState64(JitLayout.LazyResult, _fr);
        if (kind == FlagOp.Logic) return;
        StoreState64(JitLayout.LazyA, _fa);
        if (hasB) StoreState64(JitLayout.LazyB, _fb);
    }

    /// <summary>
    /// The record of the last full producer when only the flag locals hold it: stored where the state
    /// must show it (exits, branches to members that observe it, the stubs of lazy ops), none otherwise.
    /// </summary>
    private (FlagOp Kind, int Size, bool HasB)? _pendingFlags;

    private void StorePendingFlags()
    {
        if (_pendingFlags is var (kind, size, hasB)) StoreFlagRecord(kind, size, hasB);
    }

    /// <summary>Pushes condition <paramref name="cc"/> as 0 or 1.</summary>
    private void EmitCondition(ref JitOpPlan p, int cc)
    {
        if (!p.Fused)
        {
            _il.Emit(OpCodes.Ldarg_1);
            _il.Emit(OpCodes.Ldc_I4, cc);
            _il.Emit(OpCodes.Call, JitLayout.Condition);
            return;
        }
        int size = _ops[p.Producer].Size0;
        switch (p.KnownBefore)
        {
            case JitFlags.Sub:
                EmitSubCondition(cc, size);
                return;
            case JitFlags.Add when cc is 2 or 3:
                // CF of an add: the truncated result wrapped below an operand.
                Compare(_fr, _fa, OpCodes.Clt_Un, negate: cc == 3);
                return;
            default:
                EmitResultCondition(cc, size, logic: p.KnownBefore == JitFlags.Logic);
                return;
        }
    }

    private void EmitSubCondition(int cc, int size)
    {
        switch (cc)
        {
            case 2: Compare(_fa, _fb, OpCodes.Clt_Un, false); break;
            case 3: Compare(_fa, _fb, OpCodes.Clt_Un, true); break;
            case 4: Compare(_fa, _fb, OpCodes.Ceq, false); break;
            case 5: Compare(_fa, _fb, OpCodes.Ceq, true); break;
            case 6: Compare(_fa, _fb, OpCodes.Cgt_Un, true); break;
            case 7: Compare(_fa, _fb, OpCodes.Cgt_Un, false); break;
            case 8: SignOf(_fr, size, negate: false); break;
            case 9: SignOf(_fr, size, negate: true); break;
            case 12: CompareSigned(_fa, _fb, size, OpCodes.Clt, false); break;
            case 13: CompareSigned(_fa, _fb, size, OpCodes.Clt, true); break;
            case 14: CompareSigned(_fa, _fb, size, OpCodes.Cgt, true); break;
            case 15: CompareSigned(_fa, _fb, size, OpCodes.Cgt, false); break;
            default: throw new InvalidOperationException($"condition {cc} is not fused after SUB");
        }
    }

    /// <summary>Conditions that depend on the result only (ZF, SF; after a logic op also CF = OF = 0).</summary>
    private void EmitResultCondition(int cc, int size, bool logic)
    {
        switch (cc)
        {
            case 0 or 2 when logic: _il.Emit(OpCodes.Ldc_I4_0); break;
            case 1 or 3 when logic: _il.Emit(OpCodes.Ldc_I4_1); break;
            case 4: IsZero(_fr, negate: false); break;
            case 5: IsZero(_fr, negate: true); break;
            case 6 when logic: IsZero(_fr, negate: false); break;
            case 7 when logic: IsZero(_fr, negate: true); break;
            case 8: SignOf(_fr, size, negate: false); break;
            case 9: SignOf(_fr, size, negate: true); break;
            case 12 when logic: SignOf(_fr, size, negate: false); break;
            case 13 when logic: SignOf(_fr, size, negate: true); break;
            case 14 when logic: CompareSigned(_fr, null, size, OpCodes.Cgt, true); break;
            case 15 when logic: CompareSigned(_fr, null, size, OpCodes.Cgt, false); break;
            default: throw new InvalidOperationException($"condition {cc} is not fused");
        }
    }

    private void Compare(LocalBuilder a, LocalBuilder b, OpCode cmp, bool negate)
    {
        _il.Emit(OpCodes.Ldloc, a);
        _il.Emit(OpCodes.Ldloc, b);
        _il.Emit(cmp);
        if (negate) Not01();
    }

    /// <summary>Compares the sign-extended a with the sign-extended b (or with 0 when b is null).</summary>
    private void CompareSigned(LocalBuilder a, LocalBuilder? b, int size, OpCode cmp, bool negate)
    {
        _il.Emit(OpCodes.Ldloc, a);
        SignExtend(size);
        if (b != null)
        {
            _il.Emit(OpCodes.Ldloc, b);
            SignExtend(size);
        }
        else _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(cmp);
        if (negate) Not01();
    }

    private void SignOf(LocalBuilder r, int size, bool negate) => CompareSigned(r, null, size, OpCodes.Clt, negate);

    private void IsZero(LocalBuilder r, bool negate)
    {
        _il.Emit(OpCodes.Ldloc, r);
        _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(OpCodes.Ceq);
        if (negate) Not01();
    }

    private void Not01()
    {
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
    }
}
