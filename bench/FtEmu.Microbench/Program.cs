using BenchmarkDotNet.Running;
using FtEmu.Microbench;

// Microbenchmarks of the interpreter's building blocks (see bench/README.md):
//   dotnet run -c Release --project bench/FtEmu.Microbench -- --filter '*'
// Arguments are BenchmarkDotNet's (--filter '*Memory*', --list flat, ...).
BenchmarkSwitcher.FromAssembly(typeof(MicrobenchConfig).Assembly).Run(args, new MicrobenchConfig());
