using FtEmu.Linux;

namespace FtEmu.Cli;

/// <summary>Finds the program on the host and gathers what starting it needs: image bytes, argv, envp, working directory.</summary>
internal static class GuestLauncher
{
    public sealed record Launch(ProcessOptions Options, string HostPath);

    public static Launch Prepare(string program, string[] arguments, string? root)
    {
        if (root != null && !Directory.Exists(root)) throw new LoadException($"--root {root}: no such directory");
        string hostPath = Locate(program, root);
        byte[] image;
        try
        {
            image = File.ReadAllBytes(hostPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LoadException($"{program}: {e.Message}");
        }
        ElfImage.Parse(image, program); // validate early, for a one-line error
        string cwd = root == null ? Directory.GetCurrentDirectory() : "/";
        string guestExec = root == null ? Path.GetFullPath(hostPath) : "/" + Path.GetRelativePath(root, hostPath).Replace('\\', '/');
        var env = Environment.GetEnvironmentVariables();
        var names = new string[env.Count];
        env.Keys.CopyTo(names, 0);
        // Array.Sort, not OrderBy: the names are distinct, so the order is the same, and LINQ's sort is
        // framework code ReadyToRun leaves to the JIT at every start.
        Array.Sort(names, StringComparer.Ordinal);
        var envp = new string[names.Length];
        for (int i = 0; i < names.Length; i++) envp[i] = $"{names[i]}={env[names[i]]}";
        var options = new ProcessOptions
        {
            Image = image,
            ExecPath = guestExec,
            Argv = new[] { program }.Concat(arguments).ToArray(),
            Envp = envp,
            Root = root,
            WorkingDirectory = cwd,
        };
        return new Launch(options, Path.GetFullPath(hostPath));
    }

    /// <summary>Looks the program up as a path, or on PATH when it has no slash, like a shell.</summary>
    private static string Locate(string program, string? root)
    {
        string Host(string p) => root == null ? p : Path.Join(root, p);
        if (program.Contains('/'))
        {
            string p = program.StartsWith('/') ? Host(program) : Path.GetFullPath(program);
            if (File.Exists(p)) return p;
            throw new LoadException($"{program}: no such file");
        }
        if (File.Exists(program)) return Path.GetFullPath(program);
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string p = Host(Path.Join(dir, program));
            if (File.Exists(p)) return p;
        }
        throw new LoadException($"{program}: no such file");
    }
}
