using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// The one table from Iced <see cref="Code"/> to handler. Each instruction family registers its
/// handlers here, by mnemonic (every encoding of that mnemonic) or by exact Code; anything not
/// registered decodes to <see cref="Inst.InvalidOpcode"/> and raises SIGILL in the guest.
/// </summary>
public static unsafe class OpcodeTable
{
    private static readonly int CodeCount = Enum.GetValues<Code>().Length;
    private static readonly nint[] s_handlers = new nint[CodeCount];
    private static readonly bool[] s_endsBlock = new bool[CodeCount];

    static OpcodeTable()
    {
        var registry = new OpcodeRegistry();
        Inst.RegisterAll(registry);
        for (int i = 0; i < s_handlers.Length; i++)
        {
            var code = (Code)i;
            if (registry.ByCode.TryGetValue(code, out nint h) || registry.ByMnemonic.TryGetValue(code.Mnemonic(), out h))
                s_handlers[i] = h;
            else
                s_handlers[i] = (nint)(delegate*<Cpu, ref DecodedOp, void>)&Inst.InvalidOpcode;
        }
        foreach (var code in registry.BlockEnders) s_endsBlock[(int)code] = true;
    }

    public static delegate*<Cpu, ref DecodedOp, void> Handler(Code code) =>
        (delegate*<Cpu, ref DecodedOp, void>)s_handlers[(int)code];

    public static bool IsImplemented(Code code) =>
        s_handlers[(int)code] != (nint)(delegate*<Cpu, ref DecodedOp, void>)&Inst.InvalidOpcode;

    /// <summary>Instructions after which the block must end even though they do not branch.</summary>
    public static bool EndsBlock(Code code) => s_endsBlock[(int)code];
}

/// <summary>Collects handler registrations from the instruction families.</summary>
public sealed unsafe class OpcodeRegistry
{
    internal readonly Dictionary<Mnemonic, nint> ByMnemonic = new();
    internal readonly Dictionary<Code, nint> ByCode = new();
    internal readonly List<Code> BlockEnders = new();

    /// <summary>Every encoding of <paramref name="mnemonic"/> runs <paramref name="handler"/>.</summary>
    public void Add(Mnemonic mnemonic, delegate*<Cpu, ref DecodedOp, void> handler) =>
        ByMnemonic.Add(mnemonic, (nint)handler);

    /// <summary>Exactly this encoding runs <paramref name="handler"/> (wins over a mnemonic registration).</summary>
    public void Add(Code code, delegate*<Cpu, ref DecodedOp, void> handler) =>
        ByCode.Add(code, (nint)handler);

    public void EndBlockAfter(Code code) => BlockEnders.Add(code);
}
