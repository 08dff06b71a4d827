namespace FtEmu.Cpu;

/// <summary>x87 transcendental instructions.</summary>
public static unsafe partial class Inst
{
    private static void RegisterX87Transcendental(OpcodeRegistry r)
    {
    }
}
