namespace FtEmu.Cpu;

/// <summary>What a block's most recent flag-writing op left, as far as the compiler knows.</summary>
internal enum JitFlags : byte
{
    /// <summary>Only the CPU state knows (block entry, after a handler call or IMUL).</summary>
    Unknown,
    Add,
    Sub,
    Logic,
    Inc,
    Dec,
    /// <summary>A shift by a nonzero count (its record: operand, count, result).</summary>
    Shift,
}

/// <summary>Per-op decisions of the compiler for one block.</summary>
internal struct JitOpPlan
{
    public JitForm Form;
    public JitAlu Alu;
    /// <summary>The op can raise a guest fault: state must be exact before it.</summary>
    public bool Faults;
    /// <summary>
    /// Its faults come only from memory accesses and branch-target checks, whose cold paths make the
    /// state exact themselves (JitEmitMemory.cs), so nothing is written back before it.
    /// </summary>
    public bool LazyFault;
    /// <summary>The block can end right after this op (a write that may hit code, a handler call, the last op).</summary>
    public bool ExitsAfter;
    /// <summary>Kind of the flags this op produces (producers only).</summary>
    public JitFlags Produces;
    /// <summary>Flags known to the compiler before this op, and the op that produced them.</summary>
    public JitFlags KnownBefore;
    public int Producer;
    /// <summary>A condition consumer that compares the producer's operands directly instead of reading the state.</summary>
    public bool Fused;
    /// <summary>A producer whose flags must be written to the CPU state.</summary>
    public bool StoreFlags;
    /// <summary>A producer whose flag operands must be computed (stored, or read by a fused consumer).</summary>
    public bool NeedFlagValues;
}

/// <summary>
/// Flag liveness for one block. A full producer's lazy-flag record is stored where it is produced
/// only if something may read it from the state before another op overwrites all six flags: a
/// handler call, a consumer that is not fused, a partial writer (INC/DEC, IMUL, BT...) whose own
/// flags are observed, or an op whose faults are not lazy. Otherwise the emitter keeps it pending
/// in the flag locals and stores it at exits and in fault stubs. Everything else reads the
/// producer's operands from IL locals.
/// </summary>
internal static class JitFlagPlan
{
    public static JitOpPlan[] Build(DecodedOp[] ops)
    {
        int n = ops.Length;
        var plan = new JitOpPlan[n];
        for (int i = 0; i < n; i++)
        {
            ref readonly DecodedOp op = ref ops[i];
            var (form, alu) = JitInlineTable.Classify(in op);
            plan[i].Form = form;
            plan[i].Alu = alu;
            plan[i].Faults = Faults(form, in op);
            plan[i].LazyFault = plan[i].Faults && LazyFault(form, in op);
            plan[i].ExitsAfter = i == n - 1 || WritesMemory(form, alu, in op);
            plan[i].Produces = Produces(form, alu, in op);
        }

        // Forward: which producer each consumer would read, and whether it can compare directly.
        JitFlags known = JitFlags.Unknown;
        int producer = -1;
        for (int i = 0; i < n; i++)
        {
            ref JitOpPlan p = ref plan[i];
            p.KnownBefore = known;
            p.Producer = producer;
            if (p.Form is JitForm.Jcc or JitForm.Setcc or JitForm.Cmov && Fusable(known, ops[i].Cond))
            {
                p.Fused = true;
                plan[producer].NeedFlagValues = true;
            }
            if (p.Produces != JitFlags.Unknown)
            {
                known = p.Produces;
                producer = i;
            }
            else if (ClobbersKnown(p.Form, in ops[i]))
            {
                known = JitFlags.Unknown;
                producer = -1;
            }
        }

        // Backward: is the state's flag record observable after each op? Two answers: `live` counts
        // every observer; `strict` leaves out those that take a full producer's record from the
        // flag locals themselves (exits, and the fault paths of ops whose faults the compiler
        // recovers: JitOpPlan.LazyFault), so a full producer stores only for the others.
        bool live = true, strict = false;
        for (int i = n - 1; i >= 0; i--)
        {
            ref JitOpPlan p = ref plan[i];
            bool after = live || p.ExitsAfter;
            bool full = FullProducer(in p);
            bool partial = p.Produces is JitFlags.Inc or JitFlags.Dec || ClobbersKnown(p.Form, in ops[i]) && p.Form != JitForm.Fallback;
            if (full)
            {
                p.StoreFlags = strict;
                if (after) p.NeedFlagValues = true;
            }
            else if (partial)
            {
                p.StoreFlags = after;
                if (after) p.NeedFlagValues = true;
            }
            bool eagerFault = p.Faults && !p.LazyFault;
            if (p.Form is JitForm.Fallback or JitForm.Carry or JitForm.RotateCarry) live = strict = true; // ADC/SBB/RCL/RCR read CF from the state
            else if (full)
            {
                live = p.Faults;
                strict = eagerFault;
            }
            else if (p.Form is JitForm.Jcc or JitForm.Setcc or JitForm.Cmov && !p.Fused) live = strict = true;
            else if (p.Form == JitForm.SseComi)
            {
                // It replaces all six flags in the state without reading the record before it, which
                // only its fault path can show (its stubs take that from the flag locals).
                live = p.Faults;
                strict = eagerFault;
            }
            else if (p.Produces is JitFlags.Inc or JitFlags.Dec)
            {
                // INC/DEC take CF from the producer's locals when it is known, else from the state.
                live = after || p.Faults;
                strict = p.StoreFlags && p.KnownBefore is not (JitFlags.Add or JitFlags.Sub or JitFlags.Logic or JitFlags.Inc or JitFlags.Dec or JitFlags.Unknown) || eagerFault;
            }
            else if (partial)
            {
                // They merge their flags into the state's record.
                live = after || p.Faults;
                strict = after || eagerFault;
            }
            else
            {
                // Everything else passes the flags through.
                live = after || p.Faults;
                strict = strict || eagerFault;
            }
        }
        return plan;
    }

    private static bool FullProducer(in JitOpPlan p) => p.Produces is JitFlags.Add or JitFlags.Sub or JitFlags.Logic or JitFlags.Shift;

    /// <summary>Whether the flags a block starts with can be observed (read, shown by a fault or an exit) before the block replaces all six.</summary>
    public static bool LiveAtEntry(DecodedOp[] ops, JitOpPlan[] plan)
    {
        for (int i = 0; i < ops.Length; i++)
        {
            ref JitOpPlan p = ref plan[i];
            if (p.Faults || p.Form is JitForm.Fallback or JitForm.Carry or JitForm.RotateCarry or JitForm.Jcc or JitForm.Setcc or JitForm.Cmov) return true;
            if (FullProducer(in p)) return false;
            if (p.Produces != JitFlags.Unknown || ClobbersKnown(p.Form, in ops[i]) || p.ExitsAfter) return true;
        }
        return true;
    }

    /// <summary>Conditions the compiler can evaluate from a producer's operands (parity and some overflow cases go through the state).</summary>
    public static bool Fusable(JitFlags known, int cc) => known switch
    {
        JitFlags.Sub => cc is not (0 or 1 or 10 or 11),
        JitFlags.Logic => cc is not (10 or 11),
        JitFlags.Add => cc is 2 or 3 or 4 or 5 or 8 or 9,
        JitFlags.Inc or JitFlags.Dec or JitFlags.Shift => cc is 4 or 5 or 8 or 9,
        _ => false,
    };

    private static bool Faults(JitForm form, in DecodedOp op) => form switch
    {
        JitForm.Fallback or JitForm.Push or JitForm.Pop or JitForm.Call or JitForm.Ret or JitForm.Leave => true,
        JitForm.SseFloat or JitForm.SseSqrt or JitForm.SseComi => true, // an unmasked SIMD exception (#XM)
        JitForm.SseConvert => op.Code != Iced.Intel.Code.Cvtsi2sd_xmm_rm32 || op.HasMemoryOperand, // #XM; int32 to double is exact
        JitForm.Jmp => op.Kind0 != OperandKind.Immediate, // an indirect target may be non-canonical
        JitForm.Nop or JitForm.Lea => false,
        JitForm.MulDiv => op.HasMemoryOperand || Iced.Intel.MnemonicUtils.Mnemonic(op.Code) is Iced.Intel.Mnemonic.Div or Iced.Intel.Mnemonic.Idiv, // #DE
        _ => op.HasMemoryOperand,
    };

    /// <summary>Forms whose only faults are memory accesses, alignment and branch-target checks, all probed in IL, and SSE fast paths that decline to a stub (not #DE, #XM from IL, handlers).</summary>
    private static bool LazyFault(JitForm form, in DecodedOp op) => form switch
    {
        JitForm.Mov or JitForm.Movzx or JitForm.Movsx or JitForm.Alu or JitForm.IncDec or JitForm.Neg or JitForm.Not
            or JitForm.Shift or JitForm.Imul or JitForm.Rotate or JitForm.ShiftCl or JitForm.Carry or JitForm.Bit
            or JitForm.Setcc or JitForm.Cmov or JitForm.Xchg or JitForm.RotateCl or JitForm.RotateCarry
            or JitForm.DoubleShift or JitForm.Count or JitForm.BitScan or JitForm.Push or JitForm.Pop
            or JitForm.Call or JitForm.Ret or JitForm.Jmp or JitForm.Leave => true,
        // SSE moves and integer ops: memory accesses and the alignment check of a 16-byte operand, all in IL with stubs.
        JitForm.XmmMove or JitForm.Movsd or JitForm.SseInt => true,
        JitForm.MulDiv => Iced.Intel.MnemonicUtils.Mnemonic(op.Code) is not (Iced.Intel.Mnemonic.Div or Iced.Intel.Mnemonic.Idiv),
        // SSE double ops with a fast path in IL: where it declines, a stub does what a memory miss's does.
        JitForm.SseFloat or JitForm.SseSqrt => JitEmitter.HasStickyFloatPath(op.Code),
        JitForm.SseComi => true,
        _ => false,
    };

    private static bool WritesMemory(JitForm form, JitAlu alu, in DecodedOp op) => form switch
    {
        JitForm.Fallback or JitForm.Push or JitForm.Call => true,
        JitForm.Mov or JitForm.IncDec or JitForm.Neg or JitForm.Not or JitForm.Shift or JitForm.Rotate or JitForm.Setcc
            or JitForm.XmmMove or JitForm.Movsd or JitForm.ShiftCl or JitForm.Carry or JitForm.SseInt => op.Kind0 == OperandKind.Memory,
        JitForm.Alu => op.Kind0 == OperandKind.Memory && alu is not (JitAlu.Cmp or JitAlu.Test),
        JitForm.Bit => op.Kind0 == OperandKind.Memory && alu != JitAlu.Test,
        JitForm.Xchg or JitForm.RotateCl or JitForm.RotateCarry or JitForm.DoubleShift => op.Kind0 == OperandKind.Memory,
        _ => false,
    };

    private static JitFlags Produces(JitForm form, JitAlu alu, in DecodedOp op) => form switch
    {
        JitForm.Alu => alu switch
        {
            JitAlu.Add => JitFlags.Add,
            JitAlu.Sub or JitAlu.Cmp => JitFlags.Sub,
            _ => JitFlags.Logic,
        },
        JitForm.Neg => JitFlags.Sub,
        JitForm.IncDec => alu == JitAlu.Inc ? JitFlags.Inc : JitFlags.Dec,
        JitForm.Shift => ShiftCount(in op) != 0 ? JitFlags.Shift : JitFlags.Unknown,
        _ => JitFlags.Unknown,
    };

    /// <summary>Ops that change flags in a way the compiler does not track.</summary>
    internal static bool ClobbersKnown(JitForm form, in DecodedOp op) =>
        form is JitForm.Fallback or JitForm.Imul or JitForm.ShiftCl or JitForm.Carry or JitForm.BitScan or JitForm.Bit or JitForm.MulDiv
            or JitForm.RotateCl or JitForm.RotateCarry or JitForm.DoubleShift or JitForm.Count or JitForm.CarryFlag
            or JitForm.SseComi || form == JitForm.Rotate && ShiftCount(in op) != 0;

    /// <summary>The masked count of a shift by an immediate.</summary>
    public static int ShiftCount(in DecodedOp op) => (int)op.Imm & (op.Size0 == 8 ? 0x3F : 0x1F);
}
