using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Sizes of the tables indexed by Iced's <see cref="Code"/> and <see cref="Mnemonic"/> (Iced's own
/// IcedConstants is internal). Both enums run 0..count-1.
/// </summary>
internal static class IcedEnums
{
    /// <summary>Every Code's name, in value order: CodeNames[i] is ((Code)i).ToString().</summary>
    public static readonly string[] CodeNames = Enum.GetNames(typeof(Code));

    public static readonly int CodeCount = CodeNames.Length;

    /// <summary>One past the largest mnemonic of any Code: every mnemonic a Code can have indexes a table this long.</summary>
    public static readonly int MnemonicCount = LargestMnemonic() + 1;

    private static int LargestMnemonic()
    {
        int max = 0;
        for (int i = 0; i < CodeCount; i++) max = Math.Max(max, (int)((Code)i).Mnemonic());
        return max;
    }
}
