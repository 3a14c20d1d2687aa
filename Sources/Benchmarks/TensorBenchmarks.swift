import CBLAS
import Foundation
import Tensor

/// The tensor benchmarks: sgemm throughput through the engine next to raw OpenBLAS, and
/// the per-operation overhead of small ops, each compared with the goal in issue 3.
func tensorBenchmarks() throws {
    let generator = Generator(seed: 0)
    print("OpenBLAS core: \(BLAS.coreName), threads: \(BLAS.threadCount)")
    if let better = BLAS.suggestedCoreType {
        print("  OpenBLAS did not recognize this CPU; OPENBLAS_CORETYPE=\(better) selects faster kernels")
    }
    print("sgemm through the engine vs raw cblas_sgemm (goal: engine >= 90% of raw)")
    print("  size (m x k x n)        raw GFLOP/s   engine GFLOP/s   ratio   goal")
    for (m, k, n, iterations) in [(16, 128, 128, 4000), (1600, 128, 128, 40), (1024, 1024, 1024, 2)] {
        let a = try Tensor.randn([m, k], generator: generator)
        let b = try Tensor.randn([k, n], generator: generator)
        let c = try Tensor.zeros([m, n])
        var raw = Double.infinity
        var engine = Double.infinity
        for _ in 0..<7 {  // interleaved, best of seven: the machine is shared
            raw = min(raw, rawSgemmSeconds(a, b, c, m: m, k: k, n: n, iterations: iterations))
            engine = min(engine, try measure(iterations: iterations) { _ = try a.matmul(b) })
        }
        let flops = 2.0 * Double(m * k * n)
        let ratio = raw / engine
        let label = "\(m) x \(k) x \(n)".padding(toLength: 22, withPad: " ", startingAt: 0)
        print(String(format: "  %@ %11.1f   %14.1f   %5.1f%%   %@", label, flops / raw / 1e9, flops / engine / 1e9,
                     ratio * 100, ratio >= 0.9 ? "met" : "NOT met"))
    }

    print("per-operation time (PyTorch on this machine: add 2.2 µs, matmul 23 µs; goal: under half)")
    let x = try Tensor.randn([16, 128], generator: generator)
    let y = try Tensor.randn([16, 128], generator: generator)
    let add = try best(iterations: 50_000) { _ = try x.add(y) }
    report("16x128 add", add, goal: 1.1e-6)
    let xg = try Tensor.randn([16, 128], generator: generator).requiresGrad_()
    let addRecorded = try best(iterations: 50_000) { _ = try xg.add(y) }
    report("16x128 add, graph recorded", addRecorded, goal: 1.1e-6)

    let one = try Tensor.randn([1], generator: generator)
    let oneGrad = try Tensor.randn([1], generator: generator).requiresGrad_()
    let fixed = try best(iterations: 50_000) { _ = try one.add(one) }
    let fixedRecorded = try best(iterations: 50_000) { _ = try oneGrad.add(one) }
    print(String(format: "    (fixed cost of any op, from a 1-element add: %.2f µs, %.2f µs recorded)", fixed * 1e6,
                 fixedRecorded * 1e6))

    let input = try Tensor.randn([16, 128], generator: generator)
    let weight = try Tensor.randn([128, 128], generator: generator).requiresGrad_()
    let output = try Tensor.zeros([16, 128])
    let rawSmall = (0..<5).map { _ in rawSgemmSeconds(input, weight, output, m: 16, k: 128, n: 128, iterations: 10_000) }.min() ?? 0
    let matmulRecorded = try best(iterations: 10_000) { _ = try input.matmul(weight) }
    report("16x128x128 matmul, graph recorded", matmulRecorded, goal: 11.5e-6)
    print(String(format: "    (raw sgemm alone %.2f µs, so the engine adds %.2f µs)", rawSmall * 1e6,
                 (matmulRecorded - rawSmall) * 1e6))
    let backward = try best(iterations: 4_000) {
        try input.matmul(weight).sum().backward()
    }
    weight.zeroGrad()

    print("other ops (informative, no goal)")
    let square = try Tensor.randn([128, 128], generator: generator)
    let rows = try Tensor.randn([16, 128], generator: generator)
    let others: [(String, () throws -> Tensor)] = [
        ("16x128 zeros (allocation)", { try Tensor.zeros([16, 128]) }),
        ("128x128 .T (copy)", { try square.T }),
        ("16x128 tanh", { try rows.tanh() }),
        ("16x128 softmax(dim: 1)", { try rows.softmax(dim: 1) }),
        ("16x128 sum(dim: 0)", { try rows.sum(dim: 0) }),
        ("16x128 + (128,) broadcast", { try rows.add(square[0]) }),
        ("16x128 [:, 5:69]", { try rows[.all, .range(5..<69)] }),
    ]
    let inputs = try Tensor.randn([50, 16, 32], generator: generator)
    let wIn = try Tensor.randn([32, 128], generator: generator).mul(0.1).requiresGrad_()
    let wRec = try Tensor.randn([128, 128], generator: generator).mul(0.05).requiresGrad_()
    let bias = try Tensor.zeros([128]).requiresGrad_()
    let unrolled = try best(iterations: 20) {
        var h = try Tensor.zeros([16, 128])
        for t in 0..<50 { h = try (inputs[t].matmul(wIn) + h.matmul(wRec) + bias).tanh() }
        try h.mul(h).mean().backward()
    }
    print("  " + "50-step RNN by ops, 16x128, fwd+bwd".padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: " %8.2f ms", unrolled * 1e3))
    for (name, op) in others {
        let seconds = try best(iterations: 5_000) { _ = try op() }
        print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0) + String(format: " %8.2f µs", seconds * 1e6))
    }
    print("  " + "16x128x128 matmul+sum+backward".padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: " %8.2f µs", backward * 1e6))
}

/// Seconds per `cblas_sgemm` call on preallocated buffers.
private func rawSgemmSeconds(_ a: Tensor, _ b: Tensor, _ c: Tensor, m: Int, k: Int, n: Int, iterations: Int) -> Double {
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                measure(iterations: iterations) {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(m), blasint(n), blasint(k), 1,
                                pa.baseAddress, blasint(k), pb.baseAddress, blasint(n), 0, pc.baseAddress, blasint(n))
                }
            }
        }
    }
}

/// The best of five timings of `body` (seconds per iteration): the machine is shared.
private func best(iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    var result = Double.infinity
    for _ in 0..<5 { result = min(result, try measure(iterations: iterations, body)) }
    return result
}

/// Prints one per-operation figure against its goal.
private func report(_ name: String, _ seconds: Double, goal: Double) {
    let verdict = seconds < goal ? "met" : "NOT met"
    print("  " + name.padding(toLength: 36, withPad: " ", startingAt: 0)
          + String(format: " %8.2f µs   goal < %.1f µs: ", seconds * 1e6, goal * 1e6) + verdict)
}
