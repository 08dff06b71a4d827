using FtEmu.AllocCheck;

// Shows that the interpreter loop does not allocate per instruction: runs a CPU-bound guest in this
// process and compares managed bytes allocated on this thread with instructions retired.
// Usage: dotnet run --project bench/FtEmu.AllocCheck -c Release [-- PROGRAM [ARGS...]]
// Without a program it builds and runs bench/guests/crc.c at a small scale.
string[] guest = args.Length > 0 ? args : [AllocMeter.BuildDefaultGuest(), "0.05"];
var report = AllocMeter.Measure(guest[0], guest[1..]);
Console.WriteLine(report.ToText());
return report.Passed ? 0 : 1;
