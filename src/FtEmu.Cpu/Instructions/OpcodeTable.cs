using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// The one table from Iced <see cref="Code"/> to handler. Each instruction family registers its
/// handlers here, by mnemonic (every encoding of that mnemonic) or by exact Code; anything not
/// registered decodes to <see cref="Inst.InvalidOpcode"/> and raises SIGILL in the guest.
/// </summary>
public static unsafe class OpcodeTable
{
    private static readonly nint[] s_handlers = new nint[IcedEnums.CodeCount];
    private static readonly bool[] s_endsBlock;

    static OpcodeTable()
    {
        var registry = new OpcodeRegistry();
        Inst.RegisterAll(registry);
        nint invalid = (nint)(delegate*<Cpu, ref DecodedOp, void>)&Inst.InvalidOpcode;
        for (int i = 0; i < s_handlers.Length; i++)
        {
            nint h = registry.ByCode[i];
            if (h == 0) h = registry.ByMnemonic[(int)((Code)i).Mnemonic()];
            s_handlers[i] = h != 0 ? h : invalid;
        }
        s_endsBlock = registry.BlockEnders;
    }

    public static delegate*<Cpu, ref DecodedOp, void> Handler(Code code) =>
        (delegate*<Cpu, ref DecodedOp, void>)s_handlers[(int)code];

    public static bool IsImplemented(Code code) =>
        s_handlers[(int)code] != (nint)(delegate*<Cpu, ref DecodedOp, void>)&Inst.InvalidOpcode;

    /// <summary>Instructions after which the block must end even though they do not branch.</summary>
    public static bool EndsBlock(Code code) => s_endsBlock[(int)code];
}

/// <summary>Collects handler registrations from the instruction families.</summary>
/// <remarks>
/// Plain arrays indexed by Code and Mnemonic rather than dictionaries over Iced's enums: ReadyToRun
/// cannot precompile framework generics over another assembly's types, and their JIT compilation
/// was a good part of the table's start-up cost. 0 means "not registered".
/// </remarks>
public sealed unsafe class OpcodeRegistry
{
    internal readonly nint[] ByMnemonic = new nint[IcedEnums.MnemonicCount];
    internal readonly nint[] ByCode = new nint[IcedEnums.CodeCount];
    internal readonly bool[] BlockEnders = new bool[IcedEnums.CodeCount];

    /// <summary>Every encoding of <paramref name="mnemonic"/> runs <paramref name="handler"/>.</summary>
    public void Add(Mnemonic mnemonic, delegate*<Cpu, ref DecodedOp, void> handler)
    {
        if (!TrySet(ByMnemonic, (int)mnemonic, (nint)handler)) throw RegisteredTwice(mnemonic.ToString());
    }

    /// <summary>Exactly this encoding runs <paramref name="handler"/> (wins over a mnemonic registration).</summary>
    public void Add(Code code, delegate*<Cpu, ref DecodedOp, void> handler)
    {
        if (!TrySet(ByCode, (int)code, (nint)handler)) throw RegisteredTwice(code.ToString());
    }

    public void EndBlockAfter(Code code) => BlockEnders[(int)code] = true;

    private static bool TrySet(nint[] table, int index, nint handler)
    {
        if (table[index] != 0) return false;
        table[index] = handler;
        return true;
    }

    // Registering one thing twice is a bug in a family's table (Dictionary.Add threw here before).
    private static ArgumentException RegisteredTwice(string name) => new($"{name} is registered twice");
}
