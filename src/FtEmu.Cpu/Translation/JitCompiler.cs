using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Compiled region: runs from the head block and returns the number of the exit it took (see <see cref="JitEmitter"/>).</summary>
internal delegate int JitBlockCode(Cpu cpu);

/// <summary>Translates a region of decoded blocks into a DynamicMethod, which .NET compiles to native code on its first call.</summary>
internal static class JitCompiler
{
    private static readonly Type[] s_parameters = { typeof(DecodedOp[][]), typeof(Cpu) };

    /// <summary>Compiles the region of <paramref name="head"/> and attaches it to the head block.</summary>
    public static void Compile(Block head, BlockCache cache, int maxBlocks, int minHits)
    {
        var region = JitRegion.Build(head, cache, maxBlocks, minHits);
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
        var method = new DynamicMethod("ftemu_region", typeof(int), s_parameters, typeof(JitCompiler).Module, skipVisibility: true)
        {
            InitLocals = false,
        };
        var emitter = new JitEmitter(method.GetILGenerator(64 + 48 * total), region, ops, plans);
        emitter.EmitRegion();
        head.Region = region;
        head.NextSlots = new Block?[emitter.ExitCount];
        head.Code = method.CreateDelegate<JitBlockCode>(ops);
    }
}
