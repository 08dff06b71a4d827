namespace FtEmu.Linux;

/// <summary>Per-process Linux state that only syscalls read and change.</summary>
public sealed partial class LinuxProcess
{
    public ResourceLimits Limits { get; } = new();

    /// <summary>Inode number for the next pipe, counting up as pipefs does.</summary>
    public ulong NextPipeInode { get; set; } = 100_000;

    private string? _name;

    /// <summary>The thread name (comm), PR_SET_NAME/PR_GET_NAME; at most 15 bytes.</summary>
    public string Name
    {
        get => _name ??= Truncate(Path.GetFileName(Options.ExecPath));
        set => _name = Truncate(value);
    }

    private static string Truncate(string s) => s.Length > 15 ? s[..15] : s;
}
