namespace FtEmu.Cpu;

public static unsafe partial class Inst
{
    private static void RegisterX87(OpcodeRegistry r)
    {
    }
}
