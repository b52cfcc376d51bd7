using BenchmarkDotNet.Running;
using StrategiBot.Benchmarks.Loopback;
using StrategiBot.Benchmarks.Protocol;

// Two front doors in one executable: BenchmarkDotNet for in-process work, and the loopback driver
// for whole turns through real bot processes, which BenchmarkDotNet's harness cannot express.
if (args.Length > 0 && string.Equals(args[0], "loopback", StringComparison.OrdinalIgnoreCase))
{
    return await LoopbackCommand.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ProtocolJsonBenchmarks).Assembly).Run(args);
return 0;
