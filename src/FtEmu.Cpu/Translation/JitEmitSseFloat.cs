using System.Reflection;
using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for the SSE2 double-precision arithmetic: ADDSD/SUBSD/MULSD/DIVSD/MINSD/MAXSD, their PD
/// forms, SQRTSD/SQRTPD. ADD/SUB/MUL/DIV and SQRTSD are lazy-fault ops: the host operation runs in
/// the region while MXCSR already has PE (<see cref="JitSseFloatOps.AddSticky"/>); where that
/// declines, a stub makes the state that of the op's start and leaves for the interpreter, or, in a
/// region with resuming stubs, calls the full operation (flags, #XM) and comes back. MIN/MAX and
/// SQRTPD call their operation with the state written back before them.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>Operands and results of a sticky fast path (kept for its stub; the flag locals are the flag producer's).</summary>
    private LocalBuilder _sseA = null!, _sseB = null!, _sseResult = null!, _sseHigh = null!;

    private void DeclareSseFloatLocals()
    {
        _sseA = _il.DeclareLocal(typeof(ulong));
        _sseB = _il.DeclareLocal(typeof(ulong));
        _sseResult = _il.DeclareLocal(typeof(ulong));
        _sseHigh = _il.DeclareLocal(typeof(ulong));
    }

    /// <summary>A declined fast path in a resuming region: the method to call, its operands, and where its result goes.</summary>
    private sealed record FloatCall(MethodInfo Slow, bool Packed, int Dest, LocalBuilder A, LocalBuilder? B, LocalBuilder? Result);

    /// <summary>The operation of a JitForm.SseFloat Code.</summary>
    internal static FOp SseFloatOp(Code code) => code switch
    {
        Code.Addsd_xmm_xmmm64 or Code.Addpd_xmm_xmmm128 => FOp.Add,
        Code.Subsd_xmm_xmmm64 or Code.Subpd_xmm_xmmm128 => FOp.Sub,
        Code.Mulsd_xmm_xmmm64 or Code.Mulpd_xmm_xmmm128 => FOp.Mul,
        Code.Divsd_xmm_xmmm64 or Code.Divpd_xmm_xmmm128 => FOp.Div,
        Code.Minsd_xmm_xmmm64 or Code.Minpd_xmm_xmmm128 => FOp.Min,
        Code.Maxsd_xmm_xmmm64 or Code.Maxpd_xmm_xmmm128 => FOp.Max,
        _ => throw new InvalidOperationException($"{code} is not an inline SSE float op"),
    };

    /// <summary>Whether the op has a sticky fast path in IL (then its faults are lazy: see <see cref="JitFlagPlan"/>).</summary>
    internal static bool HasStickyFloatPath(Code code) =>
        code == Code.Sqrtsd_xmm_xmmm64 || (code != Code.Sqrtpd_xmm_xmmm128 && SseFloatOp(code) is FOp.Add or FOp.Sub or FOp.Mul or FOp.Div);

    private static bool IsScalarSseFloat(Code code) => code is Code.Addsd_xmm_xmmm64 or Code.Subsd_xmm_xmmm64 or Code.Mulsd_xmm_xmmm64
        or Code.Divsd_xmm_xmmm64 or Code.Minsd_xmm_xmmm64 or Code.Maxsd_xmm_xmmm64;

    private void EmitSseFloat(ref DecodedOp op)
    {
        FOp f = SseFloatOp(op.Code);
        bool scalar = IsScalarSseFloat(op.Code);
        MethodInfo slow = JitSseFloatOps.For(f, scalar);
        if (JitSseFloatOps.StickyFor(f) is { } sticky)
        {
            if (scalar)
            {
                // The source is read first (it may fault), then the result replaces the low lane only.
                LoadState64(XmmOffset(op.Reg0, 0));
                _il.Emit(OpCodes.Stloc, _sseA);
                LoadSource64(ref op);
                _il.Emit(OpCodes.Stloc, _sseB);
                EmitStickyLane(sticky, _sseA, _sseB, _sseResult);
                EmitStickyScalarTail(ref op, new FloatCall(slow, false, op.Reg0, _sseA, _sseB, _sseResult));
                return;
            }
            LoadSource128(ref op);
            LoadState64(XmmOffset(op.Reg0, 0));
            _il.Emit(OpCodes.Stloc, _sseA);
            EmitStickyLane(sticky, _sseA, _t0, _sseResult);
            LoadState64(XmmOffset(op.Reg0, 1));
            _il.Emit(OpCodes.Stloc, _sseB);
            EmitStickyLane(sticky, _sseB, _t1, _sseHigh);
            var declined = _il.DefineLabel();
            var resume = _il.DefineLabel();
            BranchIfDeclined(_sseResult, declined);
            BranchIfDeclined(_sseHigh, declined);
            StoreState64(XmmOffset(op.Reg0, 0), _sseResult);
            StoreState64(XmmOffset(op.Reg0, 1), _sseHigh);
            _il.MarkLabel(resume); // a resuming stub's call wrote both lanes itself
            AddStub(declined, resume, StubKind.Float, _t0, null, 16, call: new FloatCall(slow, true, op.Reg0, _t0, _t1, null));
            WroteXmmState(op.Reg0);
            return;
        }
        if (scalar)
        {
            _il.Emit(OpCodes.Ldarg_1);
            LoadState64(XmmOffset(op.Reg0, 0));
            LoadSource64(ref op);
            _il.Emit(OpCodes.Ldc_I8, (long)op.Ip);
            _il.Emit(OpCodes.Call, slow);
            _il.Emit(OpCodes.Stloc, _t0);
            StoreState64(XmmOffset(op.Reg0, 0), _t0);
            WroteXmmState(op.Reg0);
            return;
        }
        LoadSource128(ref op);
        EmitPackedCall(slow, op.Reg0, op.Ip);
        WroteXmmState(op.Reg0);
    }

    /// <summary>result = the sticky fast path of one lane (or <see cref="JitSseFloatOps.Declined"/>).</summary>
    private void EmitStickyLane(MethodInfo sticky, LocalBuilder a, LocalBuilder? b, LocalBuilder result)
    {
        LoadMxcsr();
        _il.Emit(OpCodes.Ldloc, a);
        if (b != null) _il.Emit(OpCodes.Ldloc, b);
        _il.Emit(OpCodes.Call, sticky);
        _il.Emit(OpCodes.Stloc, result);
    }

    private void BranchIfDeclined(LocalBuilder result, System.Reflection.Emit.Label declined)
    {
        _il.Emit(OpCodes.Ldloc, result);
        _il.Emit(OpCodes.Ldc_I8, unchecked((long)JitSseFloatOps.Declined));
        _il.Emit(OpCodes.Beq, declined);
    }

    /// <summary>A scalar result in call.Result: to the stub if declined, then into the destination's low lane.</summary>
    private void EmitStickyScalarTail(ref DecodedOp op, FloatCall call)
    {
        var declined = _il.DefineLabel();
        var resume = _il.DefineLabel();
        BranchIfDeclined(call.Result!, declined);
        _il.MarkLabel(resume); // a resuming stub's call left its result in call.Result
        StoreState64(XmmOffset(op.Reg0, 0), call.Result!);
        AddStub(declined, resume, StubKind.Float, call.A, null, 8, call: call);
        WroteXmmState(op.Reg0);
    }

    /// <summary>Calls a packed operation's method on the source in _t0/_t1; it writes the destination itself.</summary>
    private void EmitPackedCall(MethodInfo method, int dest, ulong ip)
    {
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldc_I4, dest);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Ldc_I8, (long)ip);
        _il.Emit(OpCodes.Call, method);
    }

    /// <summary>A resuming stub's call of the full operation (it may raise #XM, with the state exact).</summary>
    private void EmitFloatCall(FloatCall call, ulong ip)
    {
        if (call.Packed)
        {
            EmitPackedCall(call.Slow, call.Dest, ip);
            return;
        }
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldloc, call.A);
        if (call.B != null) _il.Emit(OpCodes.Ldloc, call.B);
        _il.Emit(OpCodes.Ldc_I8, (long)ip);
        _il.Emit(OpCodes.Call, call.Slow);
        _il.Emit(OpCodes.Stloc, call.Result!);
    }

    /// <summary>Pushes MXCSR, which the sticky fast paths test.</summary>
    private void LoadMxcsr()
    {
        StateAddress(JitLayout.Mxcsr);
        _il.Emit(OpCodes.Ldind_U4);
    }

    /// <summary>Operand 1 (xmm or 16-aligned m128) into _t0 (low) and _t1 (high).</summary>
    private void LoadSource128(ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            LoadState64(XmmOffset(op.Reg1, 0));
            _il.Emit(OpCodes.Stloc, _t0);
            LoadState64(XmmOffset(op.Reg1, 1));
            _il.Emit(OpCodes.Stloc, _t1);
            return;
        }
        // A legacy-SSE m128 operand must be 16-aligned (#GP before the access).
        EmitAlignmentCheck(_ea);
        ReadMemory128(_ea);
    }

    /// <summary>Operand 1 as the low quadword of an xmm or m64, pushed.</summary>
    private void LoadSource64(ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Xmm) LoadState64(XmmOffset(op.Reg1, 0));
        else ReadMemory(_ea, 8);
    }

    /// <summary>SQRTSD replaces the low lane (sticky fast path, as ADDSD); SQRTPD both (its method writes them once both lanes and the flags are known).</summary>
    private void EmitSseSqrt(ref DecodedOp op)
    {
        if (op.Code == Code.Sqrtsd_xmm_xmmm64)
        {
            LoadSource64(ref op);
            _il.Emit(OpCodes.Stloc, _sseA);
            EmitStickyLane(JitSseFloatOps.SqrtStickyMethod, _sseA, null, _sseResult);
            EmitStickyScalarTail(ref op, new FloatCall(JitSseFloatOps.SqrtSdMethod, false, op.Reg0, _sseA, null, _sseResult));
            return;
        }
        LoadSource128(ref op);
        EmitPackedCall(JitSseFloatOps.SqrtPdMethod, op.Reg0, op.Ip);
        WroteXmmState(op.Reg0);
    }
}
