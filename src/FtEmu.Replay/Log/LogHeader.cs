using System.Security.Cryptography;
using FtEmu.Linux;

namespace FtEmu.Replay;

/// <summary>Everything needed to start the recorded process again, stored at the front of a .ftlog file.</summary>
public sealed record LogHeader
{
    public required string EmulatorVersion { get; init; }
    public required string CpuModel { get; init; }
    public required string ExecPath { get; init; }
    public required IReadOnlyList<string> Argv { get; init; }
    public required IReadOnlyList<string> Envp { get; init; }
    public string? Root { get; init; }
    public required string WorkingDirectory { get; init; }
    /// <summary>SHA-256 of the program image.</summary>
    public required byte[] ImageSha256 { get; init; }
    /// <summary>The program image, or null when recorded with --no-embed (then <see cref="ImageHostPath"/> names it).</summary>
    public byte[]? Image { get; init; }
    public required string ImageHostPath { get; init; }
    /// <summary>A checkpoint (state hash) is stored every this many retired instructions.</summary>
    public required ulong CheckpointInterval { get; init; }

    public static LogHeader FromOptions(ProcessOptions o, string imageHostPath, bool embed, ulong checkpointInterval) => new()
    {
        EmulatorVersion = LogFormat.EmulatorVersion,
        CpuModel = Cpu.CpuidModel.Name,
        ExecPath = o.ExecPath,
        Argv = o.Argv,
        Envp = o.Envp,
        Root = o.Root,
        WorkingDirectory = o.WorkingDirectory,
        ImageSha256 = SHA256.HashData(o.Image),
        Image = embed ? o.Image : null,
        ImageHostPath = imageHostPath,
        CheckpointInterval = checkpointInterval,
    };

    /// <summary>The process options to replay with; loads and checks the image when it is not embedded.</summary>
    public ProcessOptions ToOptions()
    {
        byte[] image = Image ?? LoadReferencedImage();
        return new ProcessOptions
        {
            Image = image,
            ExecPath = ExecPath,
            Argv = Argv,
            Envp = Envp,
            Root = Root,
            WorkingDirectory = WorkingDirectory,
        };
    }

    private byte[] LoadReferencedImage()
    {
        byte[] image;
        try
        {
            image = File.ReadAllBytes(ImageHostPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogFormatException($"the recording references {ImageHostPath}, which cannot be read: {e.Message}");
        }
        if (!SHA256.HashData(image).AsSpan().SequenceEqual(ImageSha256))
            throw new LogFormatException($"{ImageHostPath} is not the program build this recording was made with (SHA-256 differs)");
        return image;
    }

    public void Write(EventWriter w)
    {
        w.String(EmulatorVersion);
        w.String(CpuModel);
        w.String(ExecPath);
        w.UVarint((ulong)Argv.Count);
        foreach (var a in Argv) w.String(a);
        w.UVarint((ulong)Envp.Count);
        foreach (var e in Envp) w.String(e);
        w.Byte(Root == null ? (byte)0 : (byte)1);
        if (Root != null) w.String(Root);
        w.String(WorkingDirectory);
        w.Bytes(ImageSha256);
        w.String(ImageHostPath);
        w.UVarint(CheckpointInterval);
        w.Byte(Image == null ? (byte)0 : (byte)1);
        if (Image != null) w.Bytes(Image);
    }

    public static LogHeader Read(EventReader r)
    {
        string version = r.String(), model = r.String(), exec = r.String();
        var argv = new string[CheckedCount(r)];
        for (int i = 0; i < argv.Length; i++) argv[i] = r.String();
        var envp = new string[CheckedCount(r)];
        for (int i = 0; i < envp.Length; i++) envp[i] = r.String();
        string? root = r.Byte() != 0 ? r.String() : null;
        string cwd = r.String();
        byte[] sha = r.Bytes().ToArray();
        string hostPath = r.String();
        ulong interval = r.UVarint();
        byte[]? image = r.Byte() != 0 ? r.Bytes().ToArray() : null;
        if (image != null && !SHA256.HashData(image).AsSpan().SequenceEqual(sha))
            throw new LogFormatException("the embedded program image does not match its recorded SHA-256");
        return new LogHeader
        {
            EmulatorVersion = version, CpuModel = model, ExecPath = exec, Argv = argv, Envp = envp, Root = root,
            WorkingDirectory = cwd, ImageSha256 = sha, ImageHostPath = hostPath, CheckpointInterval = interval, Image = image,
        };
    }

    private static int CheckedCount(EventReader r)
    {
        ulong n = r.UVarint();
        if (n > 1 << 20) throw new LogFormatException("implausible argument count in header");
        return (int)n;
    }
}
