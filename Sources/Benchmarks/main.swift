// Release-mode benchmarks that print figures. Run: swift run -c release Benchmarks [GROUP...]
// Each group lives in its own file and prints its own lines; with no argument all run.

import Tensor

BLAS.relaunchWithFasterKernelsIfNeeded()
BLAS.shortenIdleSpinning()
MemoryTuning.keepFreedMemory()
print("OpenBLAS kernels: \(BLAS.coreName)")

let groups: [(name: String, run: () throws -> Void)] = [
    ("notebook", notebookBenchmarks),
    ("tensor", tensorBenchmarks),
    ("language", languageBenchmarks),
    ("plot", plotBenchmarks),
    ("neural", neuralBenchmarks),
    ("grading", gradingBenchmarks),
    ("lab1-grading", lab1GradingBenchmarks),
    ("lab", labBenchmarks),
    ("lab0", lab0Benchmarks),
    ("lab2", lab2Benchmarks),
    ("lab3", lab3Benchmarks),
    ("eel", eelBenchmarks),
    ("gemm", gemmBenchmarks),
    ("arm", armBenchmarks),
    ("gru-full", fullBatchGRUBenchmarks),
    ("firefly", fireflyBenchmarks),
    ("preview", previewBenchmarks),
]

let wanted = Set(CommandLine.arguments.dropFirst())
for group in groups where wanted.isEmpty || wanted.contains(group.name) {
    print("== \(group.name)")
    do {
        try group.run()
    } catch {
        print("benchmark group \(group.name) failed: \(error)")
    }
}
