using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>
/// Emits the IL of one region (<see cref="JitRegion"/>): <c>int Region(DecodedOp[][] ops, Cpu cpu)</c>,
/// which runs the ops of its member blocks with the interpreter's semantics, branching from member
/// to member in IL, and at an exit stores RIP and the count and returns the exit's
/// number (each exit site has its own, for the run loop's chain slots). Guest state is reached
/// through the CpuState* at fixed offsets. GPRs are cached in IL locals: loaded on first use and
/// written back (the dirty ones) before a handler call, before an op that can fault other than on
/// memory (memory faults restore them in cold stubs, JitEmitMemory.cs), at every exit and on every
/// branch to another member, so the state is exact wherever anything outside the region can see
/// it. Each member starts with the registers the region uses in locals and the state agreeing with
/// them. When an op faults, its region-wide index is in <see cref="Cpu.JitOpIndex"/>, so that the
/// run loop can retire exactly the ops before it.
/// This file holds the helpers; the families are in JitEmit*.cs.
/// </summary>
internal sealed unsafe partial class JitEmitter
{
    private readonly ILGenerator _il;
    private readonly JitRegion _region;
    private readonly DecodedOp[][] _allOps;
    private readonly JitOpPlan[][] _allPlans;
    /// <summary>The member being emitted: its index, ops, plan and first op's region-wide index.</summary>
    private int _member;
    private DecodedOp[] _ops = Array.Empty<DecodedOp>();
    private JitOpPlan[] _plan = Array.Empty<JitOpPlan>();
    private int _opBase;
    private readonly LocalBuilder _s;
    private readonly LocalBuilder _mem;
    private readonly LocalBuilder _ea;
    private readonly LocalBuilder _t0, _t1, _t2;
    /// <summary>
    /// Instructions the running <c>Cpu.Run</c> may still retire: its stopAt minus the count at the
    /// current member's start. The region keeps the count only here (a register, not a memory
    /// add per member): the state's count is stopAt - left, stored wherever it can be seen.
    /// </summary>
    private readonly LocalBuilder _left;
    /// <summary>Operands and result of the last flag producer (and its concrete flags for shifts).</summary>
    private readonly LocalBuilder _fa, _fb, _fr;
    /// <summary>GPR cache: a local per register, whether it holds the register's value, whether the state is behind it.</summary>
    private readonly LocalBuilder?[] _reg = new LocalBuilder?[16];
    private readonly bool[] _loaded = new bool[16];
    private readonly bool[] _dirty = new bool[16];
    /// <summary>
    /// Whether the register's local is known to hold a value below 2^32 on every path to the op being
    /// emitted (the member's last write to it was a 32-bit one, which zero-extends): a 32-bit read then
    /// needs no truncation. gcc's 32-bit code otherwise left a zero-extending mov r32, r32 per operand
    /// and per result, on the loops' dependency chains.
    /// At a member's start it is what every branch into it knew (<see cref="ZextSeeds"/>).
    /// </summary>
    private readonly bool[] _zext = new bool[16];
    /// <summary>Per member, the registers known to be below 2^32 at its start, or null (none known).</summary>
    private readonly bool[][]? _zextSeeds;
    /// <summary>Per member, what every branch into it emitted so far knew (null: no branch yet).</summary>
    private readonly bool[]?[] _zextAtBranches;
    /// <summary>Registers every member starts with in locals: those the region's operands name.</summary>
    private readonly bool[] _entryRegs = new bool[16];
    /// <summary>Each member's first op, where branches from other members arrive.</summary>
    private readonly Label[] _memberStart;
    /// <summary>Whether each member's entry flags can be observed (a branch to it must store the pending record).</summary>
    private readonly bool[] _flagsLiveAtEntry;
    /// <summary>Members a RET may return to: the fall-through of a direct CALL in the region.</summary>
    private readonly List<int> _returnSites = new();

    /// <summary>Exits emitted so far; each returns its own number.</summary>
    public int ExitCount { get; private set; }

    /// <summary>
    /// Per member: the most ops a run starting there retires before it leaves or branches back
    /// (to an earlier member or itself), over the forward branches listed in <see cref="_unchecked"/>.
    /// A member is entered only with at least that much budget (the run loop checks the head's,
    /// branches back and the other forward branches check their target's), so the listed forward
    /// branches need no budget check: gzip's compare chains checked at every three instructions.
    /// </summary>
    private readonly int[] _pathOps;
    /// <summary>Per member: the later members its branches reach without a budget check.</summary>
    private readonly List<int>[] _unchecked;
    /// <summary>
    /// The most ops a path of unchecked branches may cover. A region runs only if the budget covers
    /// its head's path, so near a stop (an event's count) a long path would leave the region to the
    /// interpreter more often.
    /// </summary>
    private const int MaxUncheckedPathOps = 64;

    /// <summary>The budget the run loop must leave a run of this region: its head's path (see <see cref="_pathOps"/>).</summary>
    public int EntryOps => _pathOps[0];

    public JitEmitter(ILGenerator il, JitRegion region, DecodedOp[][] ops, JitOpPlan[][] plans, bool resumeMisses, bool[][]? zextSeeds = null)
    {
        _zextSeeds = zextSeeds;
        _zextAtBranches = new bool[ops.Length][];
        _il = il;
        _resumeMisses = resumeMisses;
        _region = region;
        _allOps = ops;
        _allPlans = plans;
        _s = il.DeclareLocal(typeof(CpuState*));
        _mem = il.DeclareLocal(typeof(GuestMemory));
        _ea = il.DeclareLocal(typeof(ulong));
        _t0 = il.DeclareLocal(typeof(ulong));
        _t1 = il.DeclareLocal(typeof(ulong));
        _t2 = il.DeclareLocal(typeof(ulong));
        _left = il.DeclareLocal(typeof(ulong));
        _fa = il.DeclareLocal(typeof(ulong));
        _fb = il.DeclareLocal(typeof(ulong));
        _fr = il.DeclareLocal(typeof(ulong));
        DeclareMemoryLocals();
        DeclareSseFloatLocals();
        _memberStart = new Label[ops.Length];
        _flagsLiveAtEntry = new bool[ops.Length];
        for (int k = 0; k < ops.Length; k++)
        {
            _memberStart[k] = il.DefineLabel();
            _flagsLiveAtEntry[k] = JitFlagPlan.LiveAtEntry(ops[k], plans[k]);
            for (int i = 0; i < ops[k].Length; i++) NoteRegisters(in ops[k][i], plans[k][i].Form);
            ref readonly DecodedOp last = ref ops[k][^1];
            if (plans[k][^1].Form == JitForm.Call && last.Kind0 == OperandKind.Immediate)
            {
                int site = region.IndexOf(last.NextIp);
                if (site >= 0 && !_returnSites.Contains(site)) _returnSites.Add(site);
            }
        }
        (_pathOps, _unchecked) = PlanUncheckedBranches();
    }

    /// <summary>From the last member back: each member's path and the forward branches that need no check.</summary>
    private (int[] PathOps, List<int>[] Unchecked) PlanUncheckedBranches()
    {
        int n = _allOps.Length;
        var path = new int[n];
        var free = new List<int>[n];
        for (int k = n - 1; k >= 0; k--)
        {
            int own = _allOps[k].Length, longest = 0;
            free[k] = new List<int>();
            foreach (int j in ForwardTargets(k))
            {
                if (own + path[j] > MaxUncheckedPathOps) continue;
                free[k].Add(j);
                longest = Math.Max(longest, path[j]);
            }
            path[k] = own + longest;
        }
        return (path, free);
    }

    /// <summary>The later members member k's last op may branch to (as <see cref="JitRegion"/> finds successors, plus a RET's return sites).</summary>
    private IEnumerable<int> ForwardTargets(int k)
    {
        ref readonly DecodedOp last = ref _allOps[k][^1];
        var targets = new List<ulong>();
        switch (_allPlans[k][^1].Form)
        {
            case JitForm.Jcc: targets.Add(last.Imm); targets.Add(last.NextIp); break;
            case JitForm.Jmp or JitForm.Call when last.Kind0 == OperandKind.Immediate: targets.Add(last.Imm); break;
            case JitForm.Jmp or JitForm.Call: break;
            case JitForm.Ret:
                foreach (int site in _returnSites) targets.Add(_region.Members[site].StartIp);
                break;
            default: targets.Add(last.NextIp); break; // the block ended at its size limit, or a handler's op
        }
        foreach (ulong target in targets)
        {
            int j = _region.IndexOf(target);
            if (j > k) yield return j;
        }
    }

    /// <summary>Adds the GPRs an op names (and RSP for stack ops) to the registers members start with.</summary>
    private void NoteRegisters(in DecodedOp op, JitForm form)
    {
        if (op.Kind0 == OperandKind.Gpr) _entryRegs[FullRegister(op.Reg0)] = true;
        if (op.Kind1 == OperandKind.Gpr) _entryRegs[FullRegister(op.Reg1)] = true;
        if (op.Kind2 == OperandKind.Gpr) _entryRegs[FullRegister(op.Reg2)] = true;
        if (op.Base != Reg.None && op.Base < 16) _entryRegs[op.Base] = true;
        if (op.Index != Reg.None && op.Index < 16) _entryRegs[op.Index] = true;
        if (form is JitForm.Push or JitForm.Pop or JitForm.Call or JitForm.Ret) _entryRegs[Reg.Rsp] = true;
    }

    public void EmitRegion()
    {
        // Called with a null Cpu: return at once (the background compiler only wants it compiled).
        var body = _il.DefineLabel();
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Brtrue, body);
        _il.Emit(OpCodes.Ldc_I4_M1);
        _il.Emit(OpCodes.Ret);
        _il.MarkLabel(body);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldfld, JitLayout.StateField);
        _il.Emit(OpCodes.Stloc, _s);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Call, JitLayout.Memory);
        _il.Emit(OpCodes.Stloc, _mem);
        LoadWindowBase();
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldfld, JitLayout.StopAt);
        LoadState64(JitLayout.InstructionCount);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Stloc, _left);
        for (int r = 0; r < 16; r++)
            if (_entryRegs[r]) LoadRegisterLocal(r);
        if (PeelHead())
        {
            // The run loop's entry gets a copy of the head that knows nothing; the branches back to
            // the head (loops) arrive at a second copy, emitted last, that knows what they know.
            EmitMember(0, _il.DefineLabel(), null);
            for (int k = 1; k < _allOps.Length; k++) EmitMember(k, _memberStart[k], _zextSeeds![k]);
            EmitMember(0, _memberStart[0], _zextSeeds![0]);
        }
        else
        {
            EmitMember(0, _memberStart[0], null);
            for (int k = 1; k < _allOps.Length; k++) EmitMember(k, _memberStart[k], _zextSeeds?[k]);
        }
        EmitStubs();
    }

    /// <summary>Ops of a head worth a second copy at most, and of the region with it (.NET's inlining budget, see <see cref="JitRegion.MaxOps"/>).</summary>
    private const int MaxPeeledHeadOps = 48, MaxOpsWithPeeledHead = 192;

    /// <summary>Whether the head is emitted twice: it is small, and a loop's branches back to it know registers below 2^32.</summary>
    private bool PeelHead()
    {
        if (_zextSeeds == null || _allOps[0].Length > MaxPeeledHeadOps) return false;
        int total = 0;
        foreach (var ops in _allOps) total += ops.Length;
        if (total + _allOps[0].Length > MaxOpsWithPeeledHead) return false;
        for (int r = 0; r < 16; r++)
            if (_zextSeeds[0][r] && _entryRegs[r]) return true;
        return false;
    }

    /// <summary>Emits member k at <paramref name="start"/>, with the registers <paramref name="known"/> names known to be below 2^32 there.</summary>
    private void EmitMember(int k, Label start, bool[]? known)
    {
        _member = k;
        _ops = _allOps[k];
        _plan = _allPlans[k];
        _opBase = _region.OpBase[k];
        Array.Copy(_entryRegs, _loaded, 16);
        Array.Clear(_dirty);
        for (int r = 0; r < 16; r++) _zext[r] = known != null && known[r] && _loaded[r];
        _pendingFlags = null;
        ForgetXmm(); // entered from other members too
        _il.MarkLabel(start);
        for (int i = 0; i < _ops.Length; i++)
        {
            ref DecodedOp op = ref _ops[i];
            ref JitOpPlan p = ref _plan[i];
            bool last = i == _ops.Length - 1;
            if (p.Form == JitForm.Fallback)
            {
                EmitFallback(ref op, i, last);
                continue;
            }
            BeginFaultingOp(ref op, ref p, i);
            if (op.Kind0 == OperandKind.Memory || op.Kind1 == OperandKind.Memory) EmitEffectiveAddress(ref op, withSegment: p.Form != JitForm.Lea);
            _xmmKeptByOp = false;
            bool left = EmitInline(ref op, ref p, i);
            if (MayWriteXmm(p.Form) && !_xmmKeptByOp) ForgetXmm();
            EndOp();
            if (JitFlagPlan.ClobbersKnown(p.Form, in op)) _pendingFlags = null; // it wrote the state's flags itself
            if (left) continue; // the op left the block itself
            if (last) EmitBranchExit(i + 1, op.NextIp); // the block ended at its size limit
            // A write can end the block only through the memory slow path (a code page), which leaving stubs never take here.
            else if (p.ExitsAfter && _resumeMisses) EmitStopCheck(i, op.NextIp);
        }
    }

    /// <summary>Emits one inline op; true when it ends the block (its exits are emitted).</summary>
    private bool EmitInline(ref DecodedOp op, ref JitOpPlan p, int i)
    {
        switch (p.Form)
        {
            case JitForm.Nop: return false;
            case JitForm.Mov: EmitMov(ref op); return false;
            case JitForm.Movzx: EmitMovzx(ref op, signed: false); return false;
            case JitForm.Movsx: EmitMovzx(ref op, signed: true); return false;
            case JitForm.Lea: EmitLea(ref op); return false;
            case JitForm.Push: EmitPush(ref op); return false;
            case JitForm.Pop: EmitPop(ref op); return false;
            case JitForm.Alu: EmitAlu(ref op, ref p); return false;
            case JitForm.IncDec: EmitIncDec(ref op, ref p); return false;
            case JitForm.Neg: EmitNeg(ref op, ref p); return false;
            case JitForm.Not: EmitNot(ref op); return false;
            case JitForm.Shift: EmitShift(ref op, ref p); return false;
            case JitForm.Imul: EmitImul(ref op, ref p); return false;
            case JitForm.Rotate: EmitRotate(ref op, ref p); return false;
            case JitForm.XmmMove: EmitXmmMove(ref op); return false;
            case JitForm.Movsd: EmitMovsd(ref op); return false;
            case JitForm.ShiftCl: EmitShiftCl(ref op, ref p); return false;
            case JitForm.Carry: EmitCarry(ref op, ref p); return false;
            case JitForm.Bswap: EmitBswap(ref op); return false;
            case JitForm.BitScan: EmitBitScan(ref op, ref p); return false;
            case JitForm.SseInt: EmitSseInt(ref op); return false;
            case JitForm.SseFloat: EmitSseFloat(ref op); return false;
            case JitForm.SseSqrt: EmitSseSqrt(ref op); return false;
            case JitForm.SseComi: EmitSseComi(ref op); return false;
            case JitForm.SseConvert: EmitSseConvert(ref op); return false;
            case JitForm.Bit: EmitBit(ref op, ref p); return false;
            case JitForm.SignExtendAcc: EmitSignExtendAccumulator(ref op); return false;
            case JitForm.Xchg: EmitXchg(ref op); return false;
            case JitForm.MulDiv: EmitMulDiv(ref op, ref p); return false;
            case JitForm.RotateCl: EmitRotateCl(ref op, ref p); return false;
            case JitForm.RotateCarry: EmitRotateCarry(ref op, ref p); return false;
            case JitForm.DoubleShift: EmitDoubleShift(ref op, ref p); return false;
            case JitForm.Count: EmitCount(ref op, ref p); return false;
            case JitForm.CarryFlag: EmitCarryFlagOp(ref op, ref p); return false;
            case JitForm.Leave: EmitLeave(); return false;
            case JitForm.Setcc: EmitSetcc(ref op, ref p); return false;
            case JitForm.Cmov: EmitCmov(ref op, ref p); return false;
            case JitForm.Jcc: EmitJcc(ref op, ref p, i); return true;
            case JitForm.Jmp: EmitJmp(ref op, i); return true;
            case JitForm.Call: EmitCall(ref op, i); return true;
            case JitForm.Ret: EmitRet(ref op, i); return true;
            default: throw new InvalidOperationException($"no emitter for {p.Form}");
        }
    }

    // ---- State access ----

    /// <summary>Pushes the address of the CpuState field at <paramref name="offset"/>.</summary>
    private void StateAddress(int offset)
    {
        _il.Emit(OpCodes.Ldloc, _s);
        if (offset != 0)
        {
            _il.Emit(OpCodes.Ldc_I4, offset);
            _il.Emit(OpCodes.Add);
        }
    }

    private void LoadState64(int offset)
    {
        StateAddress(offset);
        _il.Emit(OpCodes.Ldind_I8);
    }

    private void StoreState64(int offset, LocalBuilder value)
    {
        StateAddress(offset);
        _il.Emit(OpCodes.Ldloc, value);
        _il.Emit(OpCodes.Stind_I8);
    }

    private void StoreState64(int offset, ulong value)
    {
        StateAddress(offset);
        _il.Emit(OpCodes.Ldc_I8, (long)value);
        _il.Emit(OpCodes.Stind_I8);
    }

    private static int FullRegister(int reg) => reg < Reg.HighByteBase ? reg : reg - Reg.HighByteBase;

    /// <summary>Makes the register's local hold its value. Only on the block's main path, never inside a branch.</summary>
    private void EnsureLoaded(int r)
    {
        if (_loaded[r]) return;
        LoadRegisterLocal(r);
        _loaded[r] = true;
    }

    /// <summary>Emits the load of GPR <paramref name="r"/> from the state into its local (the compile-time cache state is the caller's business).</summary>
    private void LoadRegisterLocal(int r)
    {
        _reg[r] ??= _il.DeclareLocal(typeof(ulong));
        LoadState64(JitLayout.Gpr + 8 * r);
        _il.Emit(OpCodes.Stloc, _reg[r]!);
        _zext[r] = false;
    }

    /// <summary>Stores the dirty registers to the state; markClean only where every later path has them stored.</summary>
    private void WriteBackRegisters(bool markClean)
    {
        for (int r = 0; r < 16; r++)
        {
            if (!_dirty[r]) continue;
            StoreState64(JitLayout.Gpr + 8 * r, _reg[r]!);
            if (markClean) _dirty[r] = false;
        }
    }

    /// <summary>After a handler call every register may have changed: reload on next use.</summary>
    private void ForgetRegisters()
    {
        Array.Clear(_loaded);
        Array.Clear(_dirty);
        Array.Clear(_zext);
    }

    /// <summary>Pushes a GPR operand zero-extended to 64 bits (reg 16..19 are AH..BH).</summary>
    private void LoadGpr(int reg, int size)
    {
        int r = FullRegister(reg);
        EnsureLoaded(r);
        _il.Emit(OpCodes.Ldloc, _reg[r]!);
        if (size == 1 && reg >= Reg.HighByteBase)
        {
            _il.Emit(OpCodes.Ldc_I4_8);
            _il.Emit(OpCodes.Shr_Un);
        }
        if (size == 4 && _zext[r]) return;
        if (size != 8) Truncate(size);
    }

    /// <summary>Whether a read of the operand at <paramref name="size"/> pushes a value below 2^32.</summary>
    private bool ReadsBelow4G(ref DecodedOp op, OperandKind kind, int reg, int size) => size <= 4 || kind switch
    {
        OperandKind.Gpr => _zext[FullRegister(reg)],
        OperandKind.Immediate => (op.Imm & Cpu.SizeMask(size)) <= uint.MaxValue,
        _ => false,
    };

    /// <summary>
    /// Writes a GPR with the x86-64 rules: a 32-bit write zeroes the upper half, 8/16-bit writes merge.
    /// <paramref name="below4G"/>: the value is known to be below 2^32 (no truncation needed, and a
    /// 64-bit write keeps the register known as zero-extended).
    /// </summary>
    private void StoreGpr(int reg, int size, LocalBuilder value, bool below4G = false)
    {
        int r = FullRegister(reg);
        bool high = size == 1 && reg >= Reg.HighByteBase;
        if (size < 4)
        {
            EnsureLoaded(r);
            ulong keep = high ? ~0xFF00UL : ~Cpu.SizeMask(size);
            _il.Emit(OpCodes.Ldloc, _reg[r]!);
            _il.Emit(OpCodes.Ldc_I8, unchecked((long)keep));
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Ldloc, value);
            Truncate(size);
            if (high)
            {
                _il.Emit(OpCodes.Ldc_I4_8);
                _il.Emit(OpCodes.Shl);
            }
            _il.Emit(OpCodes.Or);
        }
        else
        {
            _reg[r] ??= _il.DeclareLocal(typeof(ulong));
            _il.Emit(OpCodes.Ldloc, value);
            if (size == 4 && !below4G) Truncate(4);
        }
        ShadowBeforeWrite(r);
        _il.Emit(OpCodes.Stloc, _reg[r]!);
        _loaded[r] = true;
        _dirty[r] = true;
        if (size >= 4) _zext[r] = size == 4 || below4G; // a merge into a value below 2^32 stays below it
    }

    /// <summary>Computes the effective address of the op's memory operand into the EA local (LEA: without segment base).</summary>
    private void EmitEffectiveAddress(ref DecodedOp op, bool withSegment)
    {
        _il.Emit(OpCodes.Ldc_I8, (long)op.Disp);
        if (op.Base != Reg.None)
        {
            LoadGpr(op.Base, 8);
            _il.Emit(OpCodes.Add);
        }
        if (op.Index != Reg.None)
        {
            LoadGpr(op.Index, 8);
            if (op.ScaleShift != 0)
            {
                _il.Emit(OpCodes.Ldc_I4, (int)op.ScaleShift);
                _il.Emit(OpCodes.Shl);
            }
            _il.Emit(OpCodes.Add);
        }
        if ((op.Prefix & OpPrefix.Address32) != 0)
        {
            _il.Emit(OpCodes.Conv_U4);
            _il.Emit(OpCodes.Conv_U8);
        }
        if (withSegment && op.Segment != 0)
        {
            LoadState64(op.Segment == 1 ? JitLayout.FsBase : JitLayout.GsBase);
            _il.Emit(OpCodes.Add);
        }
        _il.Emit(OpCodes.Stloc, _ea);
    }

    /// <summary>Pushes operand value (register, immediate or the memory operand at EA), zero-extended from <paramref name="size"/>.</summary>
    private void LoadOperand(ref DecodedOp op, OperandKind kind, int reg, int size)
    {
        switch (kind)
        {
            case OperandKind.Gpr: LoadGpr(reg, size); break;
            case OperandKind.Immediate: _il.Emit(OpCodes.Ldc_I8, (long)(op.Imm & Cpu.SizeMask(size))); break;
            case OperandKind.Memory: ReadMemory(_ea, size); break;
            default: throw new InvalidOperationException($"operand kind {kind}");
        }
    }

    /// <summary>Stores the value in <paramref name="value"/> to operand 0 (register or memory at EA).</summary>
    private void StoreOperand0(ref DecodedOp op, LocalBuilder value, bool below4G = false)
    {
        if (op.Kind0 == OperandKind.Gpr) StoreGpr(op.Reg0, op.Size0, value, below4G);
        else WriteMemory(_ea, op.Size0, value);
    }

    /// <summary>Truncates the 64-bit value on the stack to <paramref name="size"/> bytes, zero-extended.</summary>
    private void Truncate(int size)
    {
        switch (size)
        {
            case 1: _il.Emit(OpCodes.Conv_U1); _il.Emit(OpCodes.Conv_U8); break;
            case 2: _il.Emit(OpCodes.Conv_U2); _il.Emit(OpCodes.Conv_U8); break;
            case 4: _il.Emit(OpCodes.Conv_U4); _il.Emit(OpCodes.Conv_U8); break;
        }
    }

    /// <summary>Sign-extends the value on the stack from <paramref name="size"/> bytes to 64 bits.</summary>
    private void SignExtend(int size)
    {
        switch (size)
        {
            case 1: _il.Emit(OpCodes.Conv_I1); _il.Emit(OpCodes.Conv_I8); break;
            case 2: _il.Emit(OpCodes.Conv_I2); _il.Emit(OpCodes.Conv_I8); break;
            case 4: _il.Emit(OpCodes.Conv_I4); _il.Emit(OpCodes.Conv_I8); break;
        }
    }

    // ---- Exits, faults, handler calls ----

    /// <summary>Before a handler call or an op that may fault: op i's index, and the count of its member's start, as the run loop and handlers read them.</summary>
    private void SetOpIndex(int i)
    {
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldc_I4, _opBase + i);
        _il.Emit(OpCodes.Stfld, JitLayout.OpIndex);
        StoreCount(0);
    }

    /// <summary>Leaves the region after <paramref name="retired"/> ops of the current member: RIP (unless the op set it), the count, the exit's number.</summary>
    private void EmitExit(int retired, ulong? rip)
    {
        StorePendingFlags();
        WriteBackRegisters(markClean: false);
        if (rip is ulong r) StoreState64(JitLayout.Rip, r);
        StoreCount(retired);
        _il.Emit(OpCodes.Ldc_I4, ExitCount++);
        _il.Emit(OpCodes.Ret);
    }

    /// <summary>Stores the state's count: that of the member's start (stopAt - left) plus <paramref name="retired"/>.</summary>
    private void StoreCount(int retired)
    {
        PushCountStore();
        if (retired != 0)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)retired);
            _il.Emit(OpCodes.Add);
        }
        _il.Emit(OpCodes.Stind_I8);
    }

    /// <summary>Pushes the state's count address and stopAt - left (the count at the current member's start), for a store of the count.</summary>
    private void PushCountStore()
    {
        StateAddress(JitLayout.InstructionCount);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldfld, JitLayout.StopAt);
        _il.Emit(OpCodes.Ldloc, _left);
        _il.Emit(OpCodes.Sub);
    }

    /// <summary>A direct transfer after <paramref name="retired"/> ops: to a member, a branch in IL; elsewhere, an exit.</summary>
    private void EmitBranchExit(int retired, ulong target)
    {
        int k = _region.IndexOf(target);
        if (k < 0) EmitExit(retired, target);
        else EmitGoMember(retired, k);
    }

    /// <summary>
    /// Continues at member <paramref name="k"/> when the run loop would run that block next anyway:
    /// the budget covers the whole block and, on a branch back (a loop), <c>RequestYield</c> has not
    /// been called (a pending stop or an invalidation would have left the region already; a path
    /// without a branch back ends soon anyway). Otherwise leaves with RIP at it. Leaves the
    /// compile-time register cache as it was: the code after this one still needs it.
    /// </summary>
    private void EmitGoMember(int retired, int k)
    {
        NoteZextAtBranch(k);
        var leave = _il.DefineLabel();
        // Make the state agree with the locals and load what the member expects in locals.
        bool flagsThere = _flagsLiveAtEntry[k];
        if (flagsThere) StorePendingFlags();
        WriteBackRegisters(markClean: false);
        for (int r = 0; r < 16; r++)
            if (_entryRegs[r] && !_loaded[r]) LoadRegisterLocal(r);
        _il.Emit(OpCodes.Ldloc, _left);
        _il.Emit(OpCodes.Ldc_I8, (long)retired);
        _il.Emit(OpCodes.Sub);
        if (k > _member && retired == _ops.Length && _unchecked[_member].Contains(k))
        {
            // This member was entered with budget for its path, which goes on through member k.
            _il.Emit(OpCodes.Stloc, _left);
            _il.Emit(OpCodes.Br, _memberStart[k]);
            return;
        }
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Stloc, _left);
        _il.Emit(OpCodes.Ldc_I8, (long)_pathOps[k]);
        if (k > _member)
        {
            _il.Emit(OpCodes.Bge_Un, _memberStart[k]);
        }
        else
        {
            _il.Emit(OpCodes.Blt_Un, leave);
            _il.Emit(OpCodes.Ldarg_1);
            _il.Emit(OpCodes.Volatile);
            _il.Emit(OpCodes.Ldfld, JitLayout.YieldRequested);
            _il.Emit(OpCodes.Brfalse, _memberStart[k]);
        }
        _il.MarkLabel(leave);
        if (!flagsThere) StorePendingFlags();
        StoreState64(JitLayout.Rip, _region.Members[k].StartIp);
        StoreCount(0); // left is member k's already
        _il.Emit(OpCodes.Ldc_I4, ExitCount++);
        _il.Emit(OpCodes.Ret);
    }

    private void NoteZextAtBranch(int k)
    {
        if (_zextAtBranches[k] is not bool[] known)
        {
            _zextAtBranches[k] = (bool[])_zext.Clone();
            return;
        }
        for (int r = 0; r < 16; r++) known[r] &= _zext[r];
    }

    /// <summary>
    /// After <see cref="EmitRegion"/>: per member, the registers every branch into it knew to be below
    /// 2^32, for emitting the region again with them known at the members' starts. Sound because
    /// knowing more at a start never makes the emitter know less later. The run loop enters the head
    /// with whatever the state holds, so what the head's seed says holds only for the branches back
    /// to it (see <see cref="PeelHead"/>).
    /// </summary>
    public bool[][] ZextSeeds()
    {
        var seeds = new bool[_zextAtBranches.Length][];
        for (int k = 0; k < seeds.Length; k++)
            seeds[k] = _zextAtBranches[k] is bool[] known ? known : new bool[16];
        return seeds;
    }

    /// <summary>Whether any member is known to start with a register below 2^32.</summary>
    public static bool AnyKnown(bool[][] seeds)
    {
        foreach (var seed in seeds)
            if (Array.IndexOf(seed, true) >= 0) return true;
        return false;
    }

    /// <summary>After op i: if something asked the block to end (a write to a code page, a handler), leave with op i retired.</summary>
    private void EmitStopCheck(int i, ulong? rip)
    {
        var go = _il.DefineLabel();
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldfld, JitLayout.StopRequested);
        _il.Emit(OpCodes.Brfalse, go);
        EmitExit(i + 1, rip);
        _il.MarkLabel(go);
    }

    /// <summary>Calls the interpreter's handler for op i, with RIP set as the interpreter sets it.</summary>
    private void EmitFallback(ref DecodedOp op, int i, bool last)
    {
        WriteBackRegisters(markClean: true);
        StoreState64(JitLayout.Rip, op.NextIp);
        SetOpIndex(i);
        _il.Emit(OpCodes.Ldarg_1);
        _il.Emit(OpCodes.Ldarg_0);
        _il.Emit(OpCodes.Ldc_I4, _member);
        _il.Emit(OpCodes.Ldelem_Ref);
        _il.Emit(OpCodes.Ldc_I4, i);
        _il.Emit(OpCodes.Ldelema, typeof(DecodedOp));
        _il.Emit(OpCodes.Ldc_I8, (long)(nint)op.Exec);
        _il.Emit(OpCodes.Conv_I);
        _il.EmitCalli(OpCodes.Calli, System.Reflection.CallingConventions.Standard, typeof(void),
            new[] { typeof(Cpu), typeof(DecodedOp).MakeByRefType() }, null);
        _pendingFlags = null; // stored before the call (the plan makes handlers strict observers)
        ForgetXmm();
        if (JitInlineTable.TouchesOnlyVectorState(in op))
        {
            // The handler reads GPRs at most (written back above), changes none and writes no memory.
            if (last) EmitBranchExit(i + 1, op.NextIp);
            return;
        }
        ForgetRegisters();
        if (last) EmitExit(i + 1, null);
        else EmitStopCheck(i, null);
    }
}
