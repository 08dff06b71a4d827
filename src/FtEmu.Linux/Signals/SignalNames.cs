namespace FtEmu.Linux;

/// <summary>Linux signal names by number, for strace output and for the one-line report of a guest killed by a signal.</summary>
public static class SignalNames
{
    private static readonly string[] s_names =
    {
        "0", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV",
        "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU",
        "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    };

    public static string Name(int sig) =>
        sig >= 0 && sig < s_names.Length ? s_names[sig] : sig is > 31 and <= 64 ? $"SIGRT_{sig - 32}" : sig.ToString();
}
