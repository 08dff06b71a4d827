namespace FtEmu.Cpu;

public static unsafe partial class Inst
{
    private static void RegisterString(OpcodeRegistry r)
    {
    }
}
