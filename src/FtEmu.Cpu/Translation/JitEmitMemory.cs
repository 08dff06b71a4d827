using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>
/// Guest memory in generated code. An access probes the TLB in IL (one compare on a hit, see
/// <see cref="GuestMemory"/>) and goes straight to the host page. A miss branches to a cold stub at
/// the end of the region, which calls <see cref="GuestMemory.ReadMiss"/> or
/// <see cref="GuestMemory.WriteMiss"/> (translate, fill the TLB, access, or fault) and comes back.
///
/// For an op whose faults all come from such accesses and from branch-target checks
/// (<see cref="JitOpPlan.LazyFault"/>), nothing is written back before it: its stubs make the state
/// what it was when the op began (the registers dirty then, the pending flag record, the op's
/// index) before calling out, so the hot path carries none of that. A register the op changes
/// before its last access keeps its starting value in a shadow local for the stubs; the flag
/// locals must not change before an access (producers write them last).
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private static readonly MethodInfo s_windowBase = typeof(GuestMemory).GetProperty(nameof(GuestMemory.WindowBase), BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethod!;
    private static readonly MethodInfo s_readMiss = typeof(GuestMemory).GetMethod(nameof(GuestMemory.ReadMiss))!;
    private static readonly MethodInfo s_writeMiss = typeof(GuestMemory).GetMethod(nameof(GuestMemory.WriteMiss))!;

    private enum StubKind : byte { Read, Write, Read128, Write128, Target, Align, Float }

    /// <summary>
    /// A cold path: what to make exact (the registers and flags of the op's start), the op (its
    /// address and index in its member, where a leaving stub exits) and the access a resuming stub finishes.
    /// </summary>
    private sealed record FaultStub(
        Label Entry, Label Resume, StubKind Kind, LocalBuilder Address, LocalBuilder? Value, LocalBuilder? ValueHigh, int Size,
        int? OpIndex, (int Reg, LocalBuilder Local)[] Registers, (FlagOp Kind, int Size, bool HasB)? Flags,
        ulong OpIp, int OpInMember, FloatCall? Float = null);

    /// <summary>
    /// Exit number of a leaving stub: the run loop interprets the block at RIP (the op that missed)
    /// before it runs compiled code again. Out of the chain slots' range, so it is never chained.
    /// </summary>
    public const int MissExit = int.MaxValue;

    /// <summary>
    /// Whether a stub finishes the access through the slow path and comes back (resuming), or makes
    /// the state that of the op's start and leaves the region for the interpreter to run the op
    /// (leaving, the default). A resuming stub's call makes .NET treat every value live after the
    /// access as live across a call: with 5 callee-saved registers, the guest registers of a loop
    /// went to the stack (crc, sha256). Leaving costs a trip through the run loop per miss, so a
    /// region that misses often is compiled again with resuming stubs (<see cref="JitCache"/>).
    /// </summary>
    private readonly bool _resumeMisses;
    /// <summary>The op being emitted: its address and its index in the member.</summary>
    private ulong _opIp;
    private int _opInMember;

    private readonly List<FaultStub> _stubs = new();

    /// <summary>The op being emitted recovers its own faults (its stubs restore the state at its start).</summary>
    private bool _lazyOp;
    /// <summary>For a lazy op: the registers dirty at its start, the locals holding their starting values, and the pending flags then.</summary>
    private readonly bool[] _faultDirty = new bool[16];
    private readonly LocalBuilder?[] _shadowLocal = new LocalBuilder?[16];
    private readonly bool[] _shadowed = new bool[16];
    private (FlagOp Kind, int Size, bool HasB)? _faultFlags;
    private bool _flagLocalsChanged;

    /// <summary>
    /// Host address of the guest memory's window (<see cref="GuestMemory.WindowBase"/>), loaded in the
    /// prologue: the TLBs sit at fixed offsets below it, so one register reaches tags and data.
    /// </summary>
    private LocalBuilder _window = null!;
    private LocalBuilder _loaded64 = null!;
    /// <summary>
    /// The only locals whose address is taken (out arguments). .NET keeps a local whose address is
    /// taken anywhere in memory everywhere, so the shared temporaries must never be passed by ref.
    /// </summary>
    private LocalBuilder _out0 = null!, _out1 = null!;

    private void DeclareMemoryLocals()
    {
        _window = _il.DeclareLocal(typeof(nint));
        _loaded64 = _il.DeclareLocal(typeof(ulong));
        _out0 = _il.DeclareLocal(typeof(ulong));
        _out1 = _il.DeclareLocal(typeof(ulong));
        _missRip = _il.DeclareLocal(typeof(ulong));
        _missRetired = _il.DeclareLocal(typeof(int));
        _rmwHost = _il.DeclareLocal(typeof(nint));
    }

    /// <summary>
    /// Read-modify-write of a memory operand 0 (ADD [m], r; INC [m]; shifts ...) in a region with
    /// leaving stubs: the read probes the write TLB and keeps the host pointer, and the write goes
    /// through it without a second probe. A page is in the write TLB only if it is readable and
    /// writable and holds no decoded code, so a hit allows both accesses; a miss leaves at the op's
    /// start and the interpreter makes both, with its faults. Resuming stubs finish a read and come
    /// back, so regions that resume keep the two probes.
    /// </summary>
    private bool _rmwOp;
    /// <summary>Size of the operand 0 read through the write TLB in this op (0: none), its host pointer in <see cref="_rmwHost"/>.</summary>
    private int _rmwSize;
    private LocalBuilder _rmwHost = null!;

    private static bool ReadModifyWrite(in DecodedOp op, in JitOpPlan p) =>
        op.Kind0 == OperandKind.Memory && p.Form switch
        {
            JitForm.Alu => p.Alu is not (JitAlu.Cmp or JitAlu.Test),
            JitForm.IncDec or JitForm.Neg or JitForm.Not or JitForm.Shift or JitForm.Rotate or JitForm.ShiftCl
                or JitForm.Carry or JitForm.RotateCl or JitForm.RotateCarry or JitForm.DoubleShift => true,
            _ => false,
        };

    /// <summary>A leaving stub's op: its address and its index in its member, for the tail it shares.</summary>
    private LocalBuilder _missRip = null!, _missRetired = null!;

    /// <summary>With the GuestMemory and the address pushed: reads 16 bytes into _t0 (low) and _t1 (high).</summary>
    private void CallRead128()
    {
        _il.Emit(OpCodes.Ldloca, _out0);
        _il.Emit(OpCodes.Ldloca, _out1);
        _il.Emit(OpCodes.Call, JitLayout.Read128);
        _il.Emit(OpCodes.Ldloc, _out0);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldloc, _out1);
        _il.Emit(OpCodes.Stloc, _t1);
    }

    private void LoadWindowBase()
    {
        _il.Emit(OpCodes.Ldloc, _mem);
        _il.Emit(OpCodes.Call, s_windowBase);
        _il.Emit(OpCodes.Stloc, _window);
    }

    /// <summary>Starts op i: a lazy op snapshots what its stubs must restore; any other faulting op makes the state exact now.</summary>
    private void BeginFaultingOp(ref DecodedOp op, ref JitOpPlan p, int i)
    {
        _opIp = op.Ip;
        _opInMember = i;
        _lazyOp = p.LazyFault;
        _rmwOp = !_resumeMisses && ReadModifyWrite(in op, in p);
        _rmwSize = 0;
        if (!p.Faults) return;
        if (!_lazyOp)
        {
            WriteBackRegisters(markClean: true);
            SetOpIndex(i);
            return;
        }
        Array.Copy(_dirty, _faultDirty, 16);
        Array.Clear(_shadowed);
        _faultFlags = _pendingFlags;
        _flagLocalsChanged = false;
    }

    private void EndOp()
    {
        _lazyOp = false;
        _rmwOp = false;
        _rmwSize = 0;
    }

    /// <summary>Called before a register's local is overwritten: keeps the op's starting value for its stubs.</summary>
    private void ShadowBeforeWrite(int r)
    {
        if (!_lazyOp || !_faultDirty[r] || _shadowed[r]) return;
        _shadowLocal[r] ??= _il.DeclareLocal(typeof(ulong));
        _il.Emit(OpCodes.Ldloc, _reg[r]!);
        _il.Emit(OpCodes.Stloc, _shadowLocal[r]!);
        _shadowed[r] = true;
    }

    /// <summary>The op stored register r to the state itself, as a fault must show it: its stubs leave it alone.</summary>
    private void CommitForFault(int r)
    {
        if (_lazyOp) _faultDirty[r] = false;
    }

    /// <summary>Pushes the value read from guest memory at the address in <paramref name="address"/>, zero-extended.</summary>
    private void ReadMemory(LocalBuilder address, int size)
    {
        var miss = _il.DefineLabel();
        var resume = _il.DefineLabel();
        bool forWrite = _rmwOp && _rmwSize == 0 && address == _ea;
        EmitProbe(forWrite, address, size, miss);
        if (forWrite)
        {
            _il.Emit(OpCodes.Dup);
            _il.Emit(OpCodes.Stloc, _rmwHost);
            _rmwSize = size;
        }
        _il.Emit(size switch { 1 => OpCodes.Ldind_U1, 2 => OpCodes.Ldind_U2, 4 => OpCodes.Ldind_U4, _ => OpCodes.Ldind_I8 });
        if (size != 8) _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _loaded64);
        _il.MarkLabel(resume);
        _il.Emit(OpCodes.Ldloc, _loaded64);
        AddStub(miss, resume, StubKind.Read, address, null, size);
    }

    private void WriteMemory(LocalBuilder address, int size, LocalBuilder value)
    {
        var miss = _il.DefineLabel();
        var resume = _il.DefineLabel();
        bool probed = _rmwSize == size && address == _ea;
        if (probed) _il.Emit(OpCodes.Ldloc, _rmwHost); // the read's probe of the write TLB covers it
        else EmitProbe(true, address, size, miss);
        _il.Emit(OpCodes.Ldloc, value);
        switch (size)
        {
            case 1: _il.Emit(OpCodes.Conv_U1); _il.Emit(OpCodes.Stind_I1); break;
            case 2: _il.Emit(OpCodes.Conv_U2); _il.Emit(OpCodes.Stind_I2); break;
            case 4: _il.Emit(OpCodes.Conv_U4); _il.Emit(OpCodes.Stind_I4); break;
            default: _il.Emit(OpCodes.Stind_I8); break;
        }
        if (probed) return;
        _il.MarkLabel(resume);
        AddStub(miss, resume, StubKind.Write, address, value, size);
    }

    /// <summary>Reads 16 bytes at the address in <paramref name="address"/> into _t0 (low quadword) and _t1 (high).</summary>
    private void ReadMemory128(LocalBuilder address)
    {
        var miss = _il.DefineLabel();
        var resume = _il.DefineLabel();
        EmitProbe(false, address, 16, miss);
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Ldind_I8);
        _il.Emit(OpCodes.Stloc, _t0);
        _il.Emit(OpCodes.Ldc_I4_8);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Ldind_I8);
        _il.Emit(OpCodes.Stloc, _t1);
        _il.MarkLabel(resume);
        AddStub(miss, resume, StubKind.Read128, address, null, 16);
    }

    /// <summary>Writes the quadwords in <paramref name="low"/> and <paramref name="high"/> as 16 bytes at the address in <paramref name="address"/>.</summary>
    private void WriteMemory128(LocalBuilder address, LocalBuilder low, LocalBuilder high)
    {
        var miss = _il.DefineLabel();
        var resume = _il.DefineLabel();
        EmitProbe(true, address, 16, miss);
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Ldloc, low);
        _il.Emit(OpCodes.Stind_I8);
        _il.Emit(OpCodes.Ldc_I4_8);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Ldloc, high);
        _il.Emit(OpCodes.Stind_I8);
        _il.MarkLabel(resume);
        AddStub(miss, resume, StubKind.Write128, address, low, 16, high);
    }

    /// <summary>
    /// The 16-byte operand of a legacy SSE instruction must be 16-aligned: a misaligned one goes to
    /// a stub, which leaves for the interpreter to raise #GP (or, resuming, raises it as the handler).
    /// </summary>
    private void EmitAlignmentCheck(LocalBuilder address)
    {
        var bad = _il.DefineLabel();
        var resume = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, address);
        _il.Emit(OpCodes.Conv_U4);
        _il.Emit(OpCodes.Ldc_I4, 15);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Brtrue, bad);
        _il.MarkLabel(resume);
        AddStub(bad, resume, StubKind.Align, address, null, 16);
    }

    /// <summary>log2 of the TLB entry size (a tag of 8 bytes), for <see cref="EmitProbe"/>'s shift.</summary>
    private static readonly int s_tlbEntryShift = BitOperations.Log2(GuestMemory.TlbEntryBytes);

    /// <summary>
    /// Leaves the host pointer for the access on the stack, or branches to <paramref name="miss"/>:
    /// the entry of the first byte's page must hold the page of the last byte. The pointer is the
    /// window base plus the address's low 32 bits (<see cref="HostWindow"/>), so the data load does
    /// not wait for the tag's: the compare only decides whether it may be used.
    /// </summary>
    private void EmitProbe(bool write, LocalBuilder address, int size, Label miss)
    {
        // The entry: window base + the TLB's offset + (page & mask) * entry size, the last as one shift and one mask.
        _il.Emit(OpCodes.Ldloc, _window);
        _il.Emit(OpCodes.Ldloc, address);
        _il.Emit(OpCodes.Ldc_I4, (int)GuestMemory.PageShift - s_tlbEntryShift);
        _il.Emit(OpCodes.Shr_Un);
        _il.Emit(OpCodes.Conv_U4);
        _il.Emit(OpCodes.Ldc_I4, (int)GuestMemory.TlbMask << s_tlbEntryShift);
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Ldc_I4, write ? GuestMemory.WriteTlbOffset : GuestMemory.ReadTlbOffset);
        _il.Emit(OpCodes.Conv_I);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Ldind_I8);
        _il.Emit(OpCodes.Ldloc, address);
        if (size > 1)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)(size - 1));
            _il.Emit(OpCodes.Add);
        }
        _il.Emit(OpCodes.Ldc_I8, unchecked((long)~GuestMemory.PageMask));
        _il.Emit(OpCodes.And);
        _il.Emit(OpCodes.Bne_Un, miss);
        _il.Emit(OpCodes.Ldloc, _window);
        _il.Emit(OpCodes.Ldloc, address);
        _il.Emit(OpCodes.Conv_U4);
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Add);
    }

    /// <summary>
    /// Stores the branch target on the IL stack into <paramref name="target"/>, faulting (#GP) first if it is
    /// not canonical: the interpreter's rule, so a bad indirect branch faults at the branch, before any push.
    /// </summary>
    private void EmitCheckedTarget(LocalBuilder target)
    {
        var bad = _il.DefineLabel();
        var resume = _il.DefineLabel();
        _il.Emit(OpCodes.Stloc, target);
        // Canonical: bits 63..47 all equal, i.e. sign-extending from bit 47 changes nothing.
        _il.Emit(OpCodes.Ldloc, target);
        _il.Emit(OpCodes.Ldc_I4, 16);
        _il.Emit(OpCodes.Shl);
        _il.Emit(OpCodes.Ldc_I4, 16);
        _il.Emit(OpCodes.Shr);
        _il.Emit(OpCodes.Ldloc, target);
        _il.Emit(OpCodes.Bne_Un, bad);
        _il.MarkLabel(resume);
        AddStub(bad, resume, StubKind.Target, target, null, 8);
    }

    private void AddStub(Label entry, Label resume, StubKind kind, LocalBuilder address, LocalBuilder? value, int size, LocalBuilder? valueHigh = null, FloatCall? call = null)
    {
        if (!_lazyOp)
        {
            if (kind == StubKind.Float) throw new InvalidOperationException("a declined SSE fast path needs a lazy-fault op");
            _stubs.Add(new FaultStub(entry, resume, kind, address, value, valueHigh, size, null, Array.Empty<(int, LocalBuilder)>(), null, _opIp, _opInMember));
            return;
        }
        if (_flagLocalsChanged && _faultFlags != null)
            throw new InvalidOperationException("an op changed the flag locals before a memory access it may fault on");
        var regs = new List<(int, LocalBuilder)>();
        for (int r = 0; r < 16; r++)
            if (_faultDirty[r]) regs.Add((r, _shadowed[r] ? _shadowLocal[r]! : _reg[r]!));
        _stubs.Add(new FaultStub(entry, resume, kind, address, value, valueHigh, size, _opBase + _opInMember, regs.ToArray(), _faultFlags, _opIp, _opInMember, call));
    }

    /// <summary>
    /// Emits every cold path after the region's code. Leaving stubs that restore the same registers
    /// from the same locals and the same flag record share their tail: each stub only notes its op
    /// (address and index in its member) and branches there. Consecutive ops mostly start with the
    /// same dirty registers, and a tail of its own for each access was 28% of a region's IL, which
    /// .NET's JIT pays for in compile time (the interpreter runs the hot code meanwhile).
    /// </summary>
    private void EmitStubs()
    {
        var tails = new Dictionary<string, Label>();
        var pendingTails = new List<(Label Label, FaultStub Stub)>();
        foreach (var stub in _stubs)
        {
            _il.MarkLabel(stub.Entry);
            if (!_resumeMisses)
            {
                // The access may be inside an expression (operands on the IL stack): leave empties the stack.
                var body = _il.DefineLabel();
                _il.Emit(OpCodes.Leave, body);
                _il.MarkLabel(body);
                _il.Emit(OpCodes.Ldc_I8, unchecked((long)stub.OpIp));
                _il.Emit(OpCodes.Stloc, _missRip);
                _il.Emit(OpCodes.Ldc_I4, stub.OpInMember);
                _il.Emit(OpCodes.Stloc, _missRetired);
                string key = TailKey(stub);
                if (!tails.TryGetValue(key, out var tail))
                {
                    tail = _il.DefineLabel();
                    tails.Add(key, tail);
                    pendingTails.Add((tail, stub));
                }
                _il.Emit(OpCodes.Br, tail);
                continue;
            }
            foreach (var (r, local) in stub.Registers) StoreState64(JitLayout.Gpr + 8 * r, local);
            if (stub.Flags is var (kind, size, hasB)) StoreFlagRecord(kind, size, hasB);
            if (stub.OpIndex is int index)
            {
                _il.Emit(OpCodes.Ldarg_1);
                _il.Emit(OpCodes.Ldc_I4, index);
                _il.Emit(OpCodes.Stfld, JitLayout.OpIndex);
                StoreCount(0);
            }
            switch (stub.Kind)
            {
                case StubKind.Read:
                    _il.Emit(OpCodes.Ldloc, _mem);
                    _il.Emit(OpCodes.Ldloc, stub.Address);
                    _il.Emit(OpCodes.Ldc_I4, stub.Size);
                    _il.Emit(OpCodes.Call, s_readMiss);
                    _il.Emit(OpCodes.Stloc, _loaded64);
                    break;
                case StubKind.Write:
                    _il.Emit(OpCodes.Ldloc, _mem);
                    _il.Emit(OpCodes.Ldloc, stub.Address);
                    _il.Emit(OpCodes.Ldloc, stub.Value!);
                    _il.Emit(OpCodes.Ldc_I4, stub.Size);
                    _il.Emit(OpCodes.Call, s_writeMiss);
                    break;
                case StubKind.Read128:
                    _il.Emit(OpCodes.Ldloc, _mem);
                    _il.Emit(OpCodes.Ldloc, stub.Address);
                    CallRead128();
                    break;
                case StubKind.Write128:
                    _il.Emit(OpCodes.Ldloc, _mem);
                    _il.Emit(OpCodes.Ldloc, stub.Address);
                    _il.Emit(OpCodes.Ldloc, stub.Value!);
                    _il.Emit(OpCodes.Ldloc, stub.ValueHigh!);
                    _il.Emit(OpCodes.Call, JitLayout.Write128);
                    break;
                case StubKind.Align:
                    _il.Emit(OpCodes.Ldloc, stub.Address);
                    _il.Emit(OpCodes.Call, s_checkAligned); // throws
                    break;
                case StubKind.Float:
                    EmitFloatCall(stub.Float!, stub.OpIp);
                    break;
                default:
                    _il.Emit(OpCodes.Ldloc, stub.Address);
                    _il.Emit(OpCodes.Call, JitLayout.CheckBranchTarget); // throws
                    _il.Emit(OpCodes.Pop);
                    break;
            }
            _il.Emit(OpCodes.Br, stub.Resume);
        }
        foreach (var (label, stub) in pendingTails) EmitLeavingTail(label, stub);
    }

    /// <summary>The stubs' registers (with the locals holding their values) and flag record, as a key for sharing a tail.</summary>
    private static string TailKey(FaultStub stub)
    {
        var key = new System.Text.StringBuilder();
        foreach (var (r, local) in stub.Registers) key.Append(r).Append(':').Append(local.LocalIndex).Append(',');
        if (stub.Flags is var (kind, size, hasB)) key.Append((int)kind).Append('/').Append(size).Append(hasB ? "b" : "");
        return key.ToString();
    }

    /// <summary>
    /// A leaving stubs' shared tail: makes the state that of the op's start (stored at it for an op
    /// that is not lazy), RIP the op and the count that of the ops before it, and leaves at the op.
    /// </summary>
    private void EmitLeavingTail(Label label, FaultStub stub)
    {
        _il.MarkLabel(label);
        foreach (var (r, local) in stub.Registers) StoreState64(JitLayout.Gpr + 8 * r, local);
        if (stub.Flags is var (kind, size, hasB)) StoreFlagRecord(kind, size, hasB);
        StoreState64(JitLayout.Rip, _missRip);
        PushCountStore();
        _il.Emit(OpCodes.Ldloc, _missRetired);
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Stind_I8);
        _il.Emit(OpCodes.Ldc_I4, MissExit);
        _il.Emit(OpCodes.Ret);
    }
}
