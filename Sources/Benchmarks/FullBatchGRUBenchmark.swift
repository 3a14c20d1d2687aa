import Diagnostics
import Foundation
import ScriptRuntime
import Tensor

/// Lab 3's training step, written as the lab writes it: `nn.GRU(3, 128, batch_first=True)`
/// on all 800 trials × 500 steps × 3 inputs at once, a `Linear(128, 3)` readout, a masked
/// MSE, backward and an Adam step. The same text runs in rnnbook and in PyTorch.
let fullBatchGRUSetup = """
import torch
import torch.nn as nn
torch.manual_seed(0)
class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.GRU(3, 128, batch_first=True)
        self.readout = nn.Linear(128, 3)
    def forward(self, x):
        h, _ = self.rnn(x)
        return self.readout(h)
model = Model()
x = torch.randn(800, 500, 3)
target = (torch.rand(800, 500, 3) > 0.5).float()
mask = (torch.rand(800, 500, 3) > 0.07).float()
opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-8)

"""

/// One training step of `fullBatchGRUSetup`'s model.
let fullBatchGRUStep = """
opt.zero_grad()
loss = ((model(x) - target) ** 2 * mask).mean()
loss.backward()
opt.step()
loss_value = loss.item()

"""

/// The figures of one side at one thread count.
struct StepFigures {
    var milliseconds: Double
    var userMilliseconds: Double
    var systemMilliseconds: Double
    var peakMegabytes: Double
    /// rnnbook's large blocks allocated afresh (not from its cache) during the timed steps.
    var freshBlocks: Int? = nil

    /// The line printed for these figures.
    func line(_ name: String, threads: Int) -> String {
        let total = userMilliseconds + systemMilliseconds
        let sysShare = total > 0 ? 100 * systemMilliseconds / total : 0
        return "  " + name.padding(toLength: 8, withPad: " ", startingAt: 0)
            + String(format: " threads %d: %7.0f ms/step   user %7.0f ms  sys %6.0f ms (%4.1f %%)   peak RSS %6.0f MB",
                     threads, milliseconds, userMilliseconds, systemMilliseconds, sysShare, peakMegabytes)
            + (freshBlocks.map { "   fresh large blocks \($0)" } ?? "")
    }
}

/// The full-batch GRU benchmark (issue 16): ms per training step, user and system CPU time
/// per step, peak resident memory, for 1 thread and for every core, beside PyTorch running
/// the same program with `torch.set_num_threads` matching when `RNNBOOK_BENCHMARK_PYTHON`
/// names an interpreter that has torch. Goals: at most a third of PyTorch's time at the
/// same thread count, peak RSS ≤ 1.5 GB, system time ≤ 10 % of the step.
///
/// Peak RSS is the process's from the start of each run (VmHWM after a reset), memory
/// still held from earlier ones included. `GRU_FULL_STEPS` sets the timed steps (3).
func fullBatchGRUBenchmarks() throws {
    let environment = ProcessInfo.processInfo.environment
    let steps = environment["GRU_FULL_STEPS"].flatMap { Int($0) }.map { max(1, $0) } ?? 3
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let original = BLAS.threadCount
    defer { BLAS.setThreadCount(original) }
    print("GRU-128 full batch: 800 trials x 500 steps x 3 inputs, Linear readout, masked MSE, Adam; \(steps) timed steps after one")
    for threads in Array(Set([1, cores])).sorted() {
        BLAS.setThreadCount(threads)
        let ours = try rnnbookFigures(steps: steps)
        print(ours.line("rnnbook", threads: threads))
        guard let python = environment["RNNBOOK_BENCHMARK_PYTHON"] else {
            print("  pytorch  (set RNNBOOK_BENCHMARK_PYTHON to an interpreter with torch to compare)")
            continue
        }
        guard let theirs = pytorchFigures(python: python, threads: threads, steps: steps) else {
            print("  pytorch  unavailable (\(python) failed to run the program)")
            continue
        }
        print(theirs.line("pytorch", threads: threads))
        let ratio = ours.milliseconds / theirs.milliseconds
        let ourCPU = ours.userMilliseconds + ours.systemMilliseconds
        let cpuRatio = ourCPU / max(theirs.userMilliseconds + theirs.systemMilliseconds, 1e-9)
        let sysShare = ours.systemMilliseconds / max(ourCPU, 1e-9)
        // On a busy machine wall time measures the load; CPU time per step stays meaningful.
        print(String(format: "  rnnbook/pytorch %.2fx wall, %.2fx CPU (goal <= 0.33: %@), sys %.1f %% (goal <= 10 %%: %@), peak %.0f MB (goal <= 1536: %@)",
                     ratio, cpuRatio, ratio <= 1.0 / 3 ? "met" : "NOT met", 100 * sysShare, sysShare <= 0.1 ? "met" : "NOT met",
                     ours.peakMegabytes, ours.peakMegabytes <= 1536 ? "met" : "NOT met"))
    }
}

/// CPU times and peak RSS of this process: since `resetPeakMemory()` where Linux allows it
/// (VmHWM), else since it started (ru_maxrss).
func processUsage() -> (user: Double, system: Double, peakMegabytes: Double) {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let hwm = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Double($0) }
    return (ms(u.ru_utime), ms(u.ru_stime), (hwm ?? Double(u.ru_maxrss)) / 1024)
}

/// Resets the peak RSS to the current RSS (Linux ≥ 4.0), so that each run's peak is its own.
func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// Runs the program in one rnnbook session: one untimed step, then `steps` timed ones.
private func rnnbookFigures(steps: Int) throws -> StepFigures {
    resetPeakMemory()
    let session = ScriptSession(seed: 0)
    // As Lab 3's front matter (`memory: 4096`): the saved gates (4 × 205 MB of states) count.
    session.setMemoryLimit(megabytes: 4096)
    let budget = Budget(operations: Int.max, seconds: 3600)
    let origin = BlockOrigin(file: SourceFile(name: "gru-full.md", text: fullBatchGRUSetup + fullBatchGRUStep), line: 1)
    for code in [fullBatchGRUSetup, fullBatchGRUStep] {
        if let error = session.run(code, origin: origin, budget: budget).error { throw BenchmarkFailure(error.rendered) }
    }
    let before = processUsage()
    let fresh = MemoryTuning.freshLargeBlocks
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<steps {
        if let error = session.run(fullBatchGRUStep, origin: origin, budget: budget).error { throw BenchmarkFailure(error.rendered) }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    let after = processUsage()
    let n = Double(steps)
    return StepFigures(milliseconds: wall / n, userMilliseconds: (after.user - before.user) / n,
                       systemMilliseconds: (after.system - before.system) / n, peakMegabytes: after.peakMegabytes,
                       freshBlocks: MemoryTuning.freshLargeBlocks - fresh)
}

/// Runs the program in a fresh `python` process with `threads` torch threads; nil when it fails.
private func pytorchFigures(python: String, threads: Int, steps: Int) -> StepFigures? {
    let script = """
    import resource, time
    \(fullBatchGRUSetup.replacingOccurrences(of: "torch.manual_seed(0)", with: "torch.manual_seed(0)\ntorch.set_num_threads(\(threads))"))
    code = compile(\(pythonLiteral(fullBatchGRUStep)), 'step', 'exec')
    exec(code, globals())
    def cpu():
        # ru_maxrss of a process started by a big one counts the parent's pages at exec;
        # VmHWM is this process's own peak.
        u = resource.getrusage(resource.RUSAGE_SELF)
        hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]
        peak = float(hwm[0].split()[1]) / 1024 if hwm else u.ru_maxrss / 1024
        return u.ru_utime * 1000, u.ru_stime * 1000, peak
    u0, s0, _ = cpu()
    t = time.perf_counter()
    for _ in range(\(steps)):
        exec(code, globals())
    wall = (time.perf_counter() - t) * 1000 / \(steps)
    u1, s1, peak = cpu()
    print(wall, (u1 - u0) / \(steps), (s1 - s0) / \(steps), peak)
    """
    let process = Process()
    let output = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python, "-c", script]
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let fields = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
    guard process.terminationStatus == 0, fields.count == 4 else { return nil }
    return StepFigures(milliseconds: fields[0], userMilliseconds: fields[1], systemMilliseconds: fields[2], peakMegabytes: fields[3])
}

/// A benchmark program that failed, with the interpreter's message.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
