using FtEmu.AllocCheck;

// Shows that the interpreter loop does not allocate per instruction: runs a CPU-bound guest in this
// process and compares managed bytes allocated on this thread with instructions retired.
// Usage: dotnet run --project bench/FtEmu.AllocCheck -c Release [-- PROGRAM [ARGS...]]
// Without a program it builds and runs bench/guests/spin.S (no libc) and bench/guests/crc.c (scale 0.05).
string[][] guests = args.Length > 0
    ? [args]
    : [[AllocMeter.BuildGuest("spin")], [AllocMeter.BuildGuest("crc"), "0.05"]];
bool passed = true;
foreach (var guest in guests)
{
    var report = AllocMeter.Measure(guest[0], guest[1..]);
    Console.WriteLine(report.ToText());
    Console.WriteLine();
    passed &= report.Passed;
}
return passed ? 0 : 1;
