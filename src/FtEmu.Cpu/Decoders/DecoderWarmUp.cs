using System.Runtime.CompilerServices;
using Iced.Intel;

namespace FtEmu.Cpu;

/// <summary>
/// Builds the decoding tables, Iced's and <see cref="OpcodeTable"/>'s, before the first block needs
/// them: about 20 ms of a hello-world run that a host can spend on another core while it parses its
/// command line. Both are static initialisation, which the runtime runs once whichever thread gets
/// there first, so the tables are the same either way; nothing here touches a guest.
/// </summary>
public static class DecoderWarmUp
{
    public static void Run()
    {
        // Iced's first, as a new Cpu needs them before its first block needs the handler table.
        var decoder = Decoder.Create(64, new ByteArrayCodeReader(new byte[] { 0x48, 0x89, 0xC3 }), DecoderOptions.None); // mov rbx, rax
        decoder.Decode(out var instr);
        RuntimeHelpers.RunClassConstructor(typeof(OpcodeTable).TypeHandle);
        BlockDecoder.Translate(in instr);
    }
}
