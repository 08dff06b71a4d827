using System.Globalization;
using FtEmu.DiffTest;

// dotnet run --project tests/FtEmu.DiffTest -c Release -- --cases N --seed S [--report PATH] [--show K] [--only TEXT]
long cases = 200_000;
ulong seed = 1;
string? report = null;
string? only = null;
int show = 20;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new DiffTestException($"{args[i]} needs a value");
        switch (args[i])
        {
            case "--cases":
                if (!long.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out cases) || cases <= 0)
                    throw new DiffTestException("--cases must be a positive integer");
                break;
            case "--seed":
                string s = Value();
                bool hex = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
                if (!ulong.TryParse(hex ? s[2..] : s, hex ? NumberStyles.HexNumber : NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                    throw new DiffTestException("--seed must be an unsigned integer (decimal or 0x hex)");
                break;
            case "--report":
                report = Value();
                break;
            case "--show":
                if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out show))
                    throw new DiffTestException("--show must be a non-negative integer");
                break;
            case "--only":
                only = Value();
                break;
            case "-h" or "--help":
                Console.WriteLine("usage: FtEmu.DiffTest [--cases N] [--seed S] [--report PATH] [--show K] [--only TEXT]");
                Console.WriteLine("  --only TEXT  test only the claimed Codes whose name contains TEXT (e.g. Dpps_, Fld)");
                return 0;
            default:
                throw new DiffTestException($"unknown argument '{args[i]}' (try --help)");
        }
    }

    long lastShown = 0;
    var result = DiffRunner.Run(cases, seed, Math.Max(show, 50), r =>
    {
        if (r.Cases - lastShown >= 1_000_000)
        {
            lastShown = r.Cases;
            Console.Error.WriteLine($"  {r.Cases} cases, {r.Mismatches} mismatches");
        }
    }, only: only == null ? null : code => code.ToString().Contains(only, StringComparison.OrdinalIgnoreCase));
    if (result.Claimed.Count == 0) throw new DiffTestException($"--only '{only}' matches no claimed Code");
    Console.Write(CoverageReport.Summary(result));
    foreach (var m in result.FirstMismatches.Take(show)) Console.Write(m);
    if (report != null)
    {
        File.WriteAllText(report, CoverageReport.Full(result));
        Console.WriteLine($"report: {report}");
    }
    bool ok = result.Mismatches == 0 && !result.Uncovered.Any();
    Console.WriteLine(ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
}
catch (DiffTestException e)
{
    Console.Error.WriteLine($"difftest: {e.Message}");
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine($"difftest: {e.Message}");
    return 2;
}
