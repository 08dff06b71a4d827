using System.Reflection;
using System.Reflection.Emit;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Inline IL for the SSE2 double-precision arithmetic: ADDSD/SUBSD/MULSD/DIVSD/MINSD/MAXSD, their PD
/// forms, SQRTSD/SQRTPD. ADD/SUB/MUL/DIV and SQRTSD are lazy-fault ops: the host operation runs in
/// the region on the registers' values in the XMM cache while MXCSR already has PE
/// (<see cref="SseFastFloat.Op64Sticky"/>); where that declines, a stub makes the state that of the
/// op's start and leaves for the interpreter, or, in a region with resuming stubs, calls the full
/// operation (flags, #XM) and comes back. MIN/MAX and SQRTPD call their operation with the state
/// written back before them.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    /// <summary>Operands and results of a sticky fast path (kept for its stub; the flag locals are the flag producer's).</summary>
    private LocalBuilder _sseX = null!, _sseY = null!, _sseResult = null!, _sseDest = null!, _sseSource = null!, _sseVector = null!;

    private void DeclareSseFloatLocals()
    {
        _sseX = _il.DeclareLocal(typeof(double));
        _sseY = _il.DeclareLocal(typeof(double));
        _sseResult = _il.DeclareLocal(typeof(double));
        _sseDest = _il.DeclareLocal(s_vector);
        _sseSource = _il.DeclareLocal(s_vector);
        _sseVector = _il.DeclareLocal(s_vector);
    }

    /// <summary>
    /// A declined fast path in a resuming region: the method to call and the XMM register it writes;
    /// a scalar one's operands (doubles) and result local (none for COMISD, which writes RFLAGS), a
    /// packed one's source vector.
    /// </summary>
    private sealed record FloatCall(MethodInfo Slow, int Dest, LocalBuilder? X, LocalBuilder? Y, LocalBuilder? Result, LocalBuilder? Source);

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
        if (JitSseFloatOps.StickyFor(f, scalar) is { } sticky)
        {
            if (scalar)
            {
                // The source is read first (it may fault), then the result replaces the low lane only.
                PushLowDouble(op.Reg0);
                _il.Emit(OpCodes.Stloc, _sseX);
                PushSourceDouble(ref op);
                _il.Emit(OpCodes.Stloc, _sseY);
                EmitStickyCall(sticky, _sseX, _sseY, _sseResult);
                EmitStickyScalarTail(ref op, new FloatCall(slow, op.Reg0, _sseX, _sseY, _sseResult, null));
                return;
            }
            PushXmm(op.Reg0);
            _il.Emit(OpCodes.Stloc, _sseDest);
            PushSource128(ref op);
            _il.Emit(OpCodes.Stloc, _sseSource);
            EmitStickyCall(sticky, _sseDest, _sseSource, _sseVector);
            var declined = _il.DefineLabel();
            var resume = _il.DefineLabel();
            _il.Emit(OpCodes.Ldloc, _sseVector);
            _il.Emit(OpCodes.Call, JitSseFloatOps.LowDoubleMethod);
            BranchIfDeclined(declined);
            _il.Emit(OpCodes.Ldloc, _sseVector);
            StoreXmm(op.Reg0);
            _il.MarkLabel(resume); // a resuming stub's call wrote the register's state, and the stub reloaded the cache from it
            AddStub(declined, resume, StubKind.Float, _sseSource, null, 16, call: new FloatCall(slow, op.Reg0, null, null, null, _sseSource));
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

    /// <summary><paramref name="result"/> = the sticky fast path <paramref name="sticky"/>(MXCSR, <paramref name="a"/>[, <paramref name="b"/>]).</summary>
    private void EmitStickyCall(MethodInfo sticky, LocalBuilder a, LocalBuilder? b, LocalBuilder result)
    {
        LoadMxcsr();
        _il.Emit(OpCodes.Ldloc, a);
        if (b != null) _il.Emit(OpCodes.Ldloc, b);
        _il.Emit(OpCodes.Call, sticky);
        _il.Emit(OpCodes.Stloc, result);
    }

    /// <summary>Branches to <paramref name="declined"/> if the double on the IL stack is a NaN (a sticky path's "declined"; it computes none).</summary>
    private void BranchIfDeclined(System.Reflection.Emit.Label declined)
    {
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Bne_Un, declined); // unordered with itself
    }

    /// <summary>A scalar result in call.Result: to the stub if declined, then into the destination's low lane.</summary>
    private void EmitStickyScalarTail(ref DecodedOp op, FloatCall call)
    {
        var declined = _il.DefineLabel();
        var resume = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, call.Result!);
        BranchIfDeclined(declined);
        _il.MarkLabel(resume); // a resuming stub's call left its result in call.Result
        StoreLowDouble(op.Reg0, call.Result!);
        AddStub(declined, resume, StubKind.Float, call.X!, null, 8, call: call);
    }

    /// <summary>Pushes operand 1 (the low lane of an xmm, or an m64) as a double.</summary>
    private void PushSourceDouble(ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            PushLowDouble(op.Reg1);
            return;
        }
        ReadMemory(_ea, 8);
        _il.Emit(OpCodes.Call, JitSseFloatOps.BitsToDoubleMethod);
    }

    /// <summary>Pushes operand 1 (an xmm or a 16-aligned m128) as a vector.</summary>
    private void PushSource128(ref DecodedOp op)
    {
        if (op.Kind1 == OperandKind.Xmm)
        {
            PushXmm(op.Reg1);
            return;
        }
        LoadSource128(ref op);
        _il.Emit(OpCodes.Ldloc, _t0);
        _il.Emit(OpCodes.Ldloc, _t1);
        _il.Emit(OpCodes.Call, s_makeVector);
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

    /// <summary>
    /// A resuming stub's call of the full operation (it may raise #XM, with the state exact). A
    /// packed operation writes its destination's state, and the member's cached vector is loaded
    /// again from it.
    /// </summary>
    private void EmitFloatCall(FloatCall call, ulong ip)
    {
        _il.Emit(OpCodes.Ldarg_1);
        if (call.Source is { } source)
        {
            _il.Emit(OpCodes.Ldc_I4, call.Dest);
            _il.Emit(OpCodes.Ldloc, source);
            _il.Emit(OpCodes.Call, JitSseFloatOps.LowBitsMethod);
            _il.Emit(OpCodes.Ldloc, source);
            _il.Emit(OpCodes.Call, JitSseFloatOps.HighBitsMethod);
            _il.Emit(OpCodes.Ldc_I8, (long)ip);
            _il.Emit(OpCodes.Call, call.Slow);
            LoadState64(XmmOffset(call.Dest, 0));
            LoadState64(XmmOffset(call.Dest, 1));
            _il.Emit(OpCodes.Call, s_makeVector);
            _il.Emit(OpCodes.Stloc, _xmmValue[call.Dest]!);
            return;
        }
        _il.Emit(OpCodes.Ldloc, call.X!);
        _il.Emit(OpCodes.Call, JitSseFloatOps.DoubleToBitsMethod);
        if (call.Y != null)
        {
            _il.Emit(OpCodes.Ldloc, call.Y);
            _il.Emit(OpCodes.Call, JitSseFloatOps.DoubleToBitsMethod);
        }
        _il.Emit(OpCodes.Ldc_I8, (long)ip);
        _il.Emit(OpCodes.Call, call.Slow);
        if (call.Result == null) return; // COMISD/UCOMISD: the method wrote RFLAGS
        _il.Emit(OpCodes.Call, JitSseFloatOps.BitsToDoubleMethod);
        _il.Emit(OpCodes.Stloc, call.Result);
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
            PushSourceDouble(ref op);
            _il.Emit(OpCodes.Stloc, _sseX);
            EmitStickyCall(JitSseFloatOps.SqrtStickyMethod, _sseX, null, _sseResult);
            EmitStickyScalarTail(ref op, new FloatCall(JitSseFloatOps.SqrtSdMethod, op.Reg0, _sseX, null, _sseResult, null));
            return;
        }
        LoadSource128(ref op);
        EmitPackedCall(JitSseFloatOps.SqrtPdMethod, op.Reg0, op.Ip);
        WroteXmmState(op.Reg0);
    }
}
