using FtEmu.Cpu;

namespace FtEmu.Cli;

/// <summary>
/// Starts <see cref="DecoderWarmUp"/> on a background thread for the commands that run a guest, so
/// that the decoder's tables are built while System.CommandLine parses (measured in bench/README.md).
/// </summary>
internal static class StartupWarmUp
{
    public static void StartFor(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("run" or "replay")) return;
        new Thread(Run) { IsBackground = true, Name = "ftemu warm-up" }.Start();
    }

    private static void Run()
    {
        try
        {
            DecoderWarmUp.Run();
        }
        catch (Exception)
        {
            // Never fatal here: the run meets the same failure when it decodes, and reports it there.
        }
    }
}
