using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>
/// Compiled region: runs from the head block and returns the number of the exit it took (see
/// <see cref="JitEmitter"/>). Called with a null Cpu it returns -1 at once, which makes .NET compile
/// it to native code without running guest code (the background compiler does that).
/// </summary>
internal delegate int JitBlockCode(Cpu? cpu);

/// <summary>A region translated to IL (and, once called, to native code), not yet attached to its head.</summary>
/// <remarks><see cref="IlBytes"/> is a statistic for <c>FTEMU_JIT_PROFILE=stats</c>.</remarks>
internal sealed record JitTranslation(Block Head, JitRegion Region, JitBlockCode Code, int ExitCount, int EntryOps, int IlBytes)
{
    /// <summary>Attaches the translation to its head, if every member is still valid (else it describes code that is gone).</summary>
    public bool Install()
    {
        foreach (var b in Region.Members)
            if (!b.Valid) return false;
        foreach (var b in Region.Members) b.AddDependent(Head);
        Head.Region = Region;
        Head.NextSlots = new Block?[ExitCount];
        Head.CodeOps = EntryOps;
        Head.Code = Code;
        return true;
    }
}

/// <summary>Translates a region of decoded blocks into a DynamicMethod, which .NET compiles to native code on its first call.</summary>
internal static class JitCompiler
{
    private static readonly Type[] s_parameters = { typeof(DecodedOp[][]), typeof(Cpu) };

    /// <summary>
    /// Emits the region's IL. Reads only the members' ops (immutable once decoded) and static
    /// tables, so it may run on another thread than the CPU's.
    /// </summary>
    public static JitTranslation Translate(Block head, JitRegion region)
    {
        var ops = new DecodedOp[region.Members.Length][];
        var plans = new JitOpPlan[ops.Length][];
        int total = 0;
        for (int k = 0; k < ops.Length; k++)
        {
            ops[k] = region.Members[k].Ops;
            plans[k] = JitFlagPlan.Build(ops[k]);
            total += ops[k].Length;
        }
        // Closed over the members' ops: handler calls get a ref to their DecodedOp with ldelema.
        // Named by the head's address, so that profiles (perf with DOTNET_PerfMapEnabled) tell regions apart.
        var method = new DynamicMethod($"ftemu_region_{head.StartIp:x}", typeof(int), s_parameters, typeof(JitCompiler).Module, skipVisibility: true)
        {
            InitLocals = false,
        };
        var il = method.GetILGenerator(64 + 48 * total);
        var emitter = new JitEmitter(il, region, ops, plans, region.ResumeMisses, ZextSeeds(head, region, ops, plans));
        emitter.EmitRegion();
        int ilBytes = il.ILOffset;
        var code = method.CreateDelegate<JitBlockCode>(ops);
        code(null); // .NET compiles it now, on this thread
        ReleaseGenerator(method);
        return new JitTranslation(head, region, code, emitter.ExitCount, emitter.EntryOps, ilBytes);
    }

    /// <summary>
    /// A first emission, thrown away, finds which registers every branch into a member knows to be
    /// below 2^32 (written at 32 bits): the real one then needs no truncation for their 32-bit reads
    /// there (and at a second copy of a small head, where its loops branch back).
    /// </summary>
    private static bool[][]? ZextSeeds(Block head, JitRegion region, DecodedOp[][] ops, JitOpPlan[][] plans)
    {
        var scratch = new DynamicMethod($"ftemu_scratch_{head.StartIp:x}", typeof(int), s_parameters, typeof(JitCompiler).Module, skipVisibility: true);
        var first = new JitEmitter(scratch.GetILGenerator(), region, ops, plans, region.ResumeMisses);
        first.EmitRegion();
        var seeds = first.ZextSeeds();
        return JitEmitter.AnyKnown(seeds) ? seeds : null;
    }

    private static readonly System.Reflection.FieldInfo? s_ilGenerator =
        typeof(DynamicMethod).GetField("_ilGenerator", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic);

    /// <summary>
    /// A compiled DynamicMethod keeps its ILGenerator (the IL stream at its grown capacity, labels,
    /// fixups) beside the copy of the IL its resolver holds; nothing reads it after the compile,
    /// and dropping it saves about 1.5 KB per compiled instruction. Where the runtime names the
    /// field differently this does nothing.
    /// </summary>
    private static void ReleaseGenerator(DynamicMethod method)
    {
        if (s_ilGenerator?.FieldType == typeof(ILGenerator) || s_ilGenerator?.FieldType.IsSubclassOf(typeof(ILGenerator)) == true)
            s_ilGenerator.SetValue(method, null);
    }
}
