using System.Reflection.Emit;

namespace FtEmu.Cpu;

/// <summary>Compiled block: runs the whole block and returns the exit it took (see <see cref="JitEmitter"/>).</summary>
internal delegate int JitBlockCode(Cpu cpu);

/// <summary>Translates one decoded block into a DynamicMethod, which .NET compiles to native code on its first call.</summary>
internal static class JitCompiler
{
    private static readonly Type[] s_parameters = { typeof(DecodedOp[]), typeof(Cpu) };

    public static JitBlockCode Compile(Block block)
    {
        DecodedOp[] ops = block.Ops;
        var plan = JitFlagPlan.Build(ops);
        // Closed over the block's ops: handler calls get a ref to their DecodedOp with ldelema.
        var method = new DynamicMethod("ftemu_block", typeof(int), s_parameters, typeof(JitCompiler).Module, skipVisibility: true)
        {
            InitLocals = false,
        };
        new JitEmitter(method.GetILGenerator(64 + 48 * ops.Length), ops, plan).EmitBlock();
        return method.CreateDelegate<JitBlockCode>(ops);
    }
}
