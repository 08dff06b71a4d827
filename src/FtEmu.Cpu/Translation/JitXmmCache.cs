using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>
/// XMM registers within a member: a value an op computes or loads is kept in a Vector128 local and
/// also stored to the state at once (write-through), so that the next op of the member reads the
/// local instead of the state. The state is exact after every op, so exits, stubs and faults need
/// nothing of this. Reading back what was just stored cost a 16-byte store forwarded to two 8-byte
/// loads and a rebuild of the vector each op (gcc's vectorized SHA-256 message schedule).
/// </summary>
/// <remarks>
/// A kept value is right only while no other code writes that register's state: every member starts
/// with nothing kept (it may be entered from elsewhere), an op that writes XMM state in another way
/// says so (<see cref="WroteXmmState"/>), and after any op of a form that may touch XMM state and did
/// not declare itself (<see cref="_xmmKeptByOp"/>), or a handler call, everything is forgotten.
/// </remarks>
internal sealed unsafe partial class JitEmitter
{
    private readonly LocalBuilder?[] _xmmValue = new LocalBuilder?[16];
    private readonly bool[] _xmmKnown = new bool[16];
    /// <summary>The op being emitted keeps <see cref="_xmmKnown"/> right itself.</summary>
    private bool _xmmKeptByOp;

    private void ForgetXmm() => Array.Clear(_xmmKnown);

    /// <summary>Forms whose inline code may write XMM state; every other inline form leaves it alone.</summary>
    private static bool MayWriteXmm(JitForm form) => form is JitForm.XmmMove or JitForm.Movsd or JitForm.SseInt
        or JitForm.SseFloat or JitForm.SseSqrt or JitForm.SseConvert;

    /// <summary>Pushes XMM register <paramref name="reg"/> as a Vector128&lt;ulong&gt;, from its local when this member has it.</summary>
    private void PushXmm(int reg)
    {
        var local = _xmmValue[reg] ??= _il.DeclareLocal(s_vector);
        if (!_xmmKnown[reg])
        {
            // Two 64-bit loads: an earlier member or a handler may have written the register as two quadwords.
            LoadState64(XmmOffset(reg, 0));
            LoadState64(XmmOffset(reg, 1));
            _il.Emit(OpCodes.Call, s_makeVector);
            _il.Emit(OpCodes.Stloc, local);
            _xmmKnown[reg] = true;
        }
        _il.Emit(OpCodes.Ldloc, local);
    }

    /// <summary>Stores the Vector128&lt;ulong&gt; on the IL stack to XMM register <paramref name="reg"/> and keeps it.</summary>
    private void StoreXmm(int reg)
    {
        var local = _xmmValue[reg] ??= _il.DeclareLocal(s_vector);
        _il.Emit(OpCodes.Stloc, local);
        StateAddress(XmmOffset(reg, 0));
        _il.Emit(OpCodes.Ldloc, local);
        _il.Emit(OpCodes.Stobj, s_vector);
        _xmmKnown[reg] = true;
        _xmmKeptByOp = true;
    }

    /// <summary>
    /// Pushes the low lane of XMM register <paramref name="reg"/> as a double: from its local when
    /// this member has it, else one 8-byte load from the state (scalar code wrote it so, and its
    /// loop-carried values arrive there: a vector rebuilt from two loads made their chain longer).
    /// </summary>
    private void PushLowDouble(int reg)
    {
        if (_xmmKnown[reg])
        {
            _il.Emit(OpCodes.Ldloc, _xmmValue[reg]!);
            _il.Emit(OpCodes.Call, JitSseFloatOps.LowDoubleMethod);
            return;
        }
        StateAddress(XmmOffset(reg, 0));
        _il.Emit(OpCodes.Ldind_R8);
    }

    /// <summary>Stores the double in <paramref name="value"/> to the low lane of XMM register <paramref name="reg"/>, and to its local when the member has it.</summary>
    private void StoreLowDouble(int reg, LocalBuilder value)
    {
        StateAddress(XmmOffset(reg, 0));
        _il.Emit(OpCodes.Ldloc, value);
        _il.Emit(OpCodes.Stind_R8);
        if (_xmmKnown[reg])
        {
            _il.Emit(OpCodes.Ldloc, _xmmValue[reg]!);
            _il.Emit(OpCodes.Ldloc, value);
            _il.Emit(OpCodes.Call, JitSseFloatOps.WithLowDoubleMethod);
            _il.Emit(OpCodes.Stloc, _xmmValue[reg]!);
        }
        _xmmKeptByOp = true;
    }

    /// <summary>The op wrote register <paramref name="reg"/>'s state directly (and no other XMM state).</summary>
    private void WroteXmmState(int reg)
    {
        _xmmKnown[reg] = false;
        _xmmKeptByOp = true;
    }

    /// <summary>The op read XMM state at most.</summary>
    private void ReadXmmStateOnly() => _xmmKeptByOp = true;
}
