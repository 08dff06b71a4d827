namespace FtEmu.Cpu;

public static unsafe partial class Inst
{
    private static void RegisterMulDiv(OpcodeRegistry r)
    {
    }
}
