namespace FtEmu.Cpu;

public static unsafe partial class Inst
{
    private static void RegisterSse(OpcodeRegistry r)
    {
    }
}
