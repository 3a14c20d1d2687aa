import CBLAS
import Foundation
@_spi(Benchmarks) import Neural
import Tensor

/// The floor under an LSTM-128 training step (batch 16, seq 100): the OpenBLAS products
/// the fused kernel cannot avoid, timed alone on warm data — per step h·W_hhᵀ (16×128 by
/// 128×512) forwards and da·W_hh (16×512 by 512×128) backwards, both cut as
/// `recurrentProduct` cuts them, and the weight gradient daᵀ·H (512×1600 by 1600×128).
/// Whatever the neural group's LSTM-128 figure has above their sum is gate math, copies,
/// the readout, the loss and Adam.
func gemmBenchmarks() {
    BLAS.setThreadCount(1)
    defer { BLAS.setThreadCount(BLAS.threadCount) }
    let (batch, hidden, steps) = (16, 128, 100)
    let gates = 4 * hidden
    let rows = batch * steps
    func buffer(_ count: Int, _ seed: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        for i in 0..<count { p[i] = Float((i &* 7919 &+ seed) % 13) * 0.01 - 0.06 }
        return p
    }
    let states = buffer(rows * hidden, 1), weights = buffer(gates * hidden, 2)
    let preactivations = buffer(rows * gates, 3), carry = buffer(batch * hidden, 4)
    let gradient = buffer(gates * hidden, 5)
    defer { for p in [states, weights, preactivations, carry, gradient] { p.deallocate() } }
    func best(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<5 { best = min(best, measure(iterations: 20, body)) }
        return best * 1000
    }
    let half = gates / 2
    let forward = best {
        for t in 0..<steps {
            for start in [0, half] {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(batch), blasint(half), blasint(hidden), 1,
                            states + t * batch * hidden, blasint(hidden), weights + start, blasint(gates), 1,
                            preactivations + t * batch * gates + start, blasint(gates))
            }
        }
    }
    let backward = best {
        for t in 0..<steps {
            for start in [0, half] {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(batch), blasint(hidden), blasint(half), 1,
                            preactivations + t * batch * gates + start, blasint(gates), weights + start * hidden,
                            blasint(hidden), start == 0 ? 0 : 1, carry, blasint(hidden))
            }
        }
    }
    let weightGradient = best {
        cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, blasint(gates), blasint(hidden), blasint(rows), 1,
                    preactivations, blasint(gates), states, blasint(hidden), 0, gradient, blasint(hidden))
    }
    print("LSTM-128 step's unavoidable products (OpenBLAS, 1 thread, warm), ms")
    print(String(format: "  forward h W_hh^T x 100    %6.2f", forward))
    print(String(format: "  backward da W_hh x 100    %6.2f", backward))
    print(String(format: "  weight gradient da^T H    %6.2f", weightGradient))
    print(String(format: "  sum (the floor)           %6.2f", forward + backward + weightGradient))
    gruPanelProductBenchmarks()
}

/// Lab 3's three per-step products for one batch block of a full-batch GRU-128 (400 rows):
/// W_hh h (400 × 384 × 128), the carry's dg W_hh (400 × 128 × 384) and dW_hh += dgᵀ h
/// (384 × 128 × 400), by OpenBLAS and by `PanelProduct` (weights packed once, outside the
/// timing, as the kernel packs them once per call), in GFLOP/s on one thread, warm.
func gruPanelProductBenchmarks() {
    let (rows, hidden) = (400, 128)
    let gates = 3 * hidden
    func buffer(_ count: Int, _ seed: Int) -> UnsafeMutablePointer<Float> {
        let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
        for i in 0..<count { p[i] = Float((i &* 7919 &+ seed) % 13) * 0.01 - 0.06 }
        return p
    }
    let states = buffer(rows * hidden, 1), weights = buffer(gates * hidden, 2), weightsT = buffer(hidden * gates, 3)
    let gateGradients = buffer(rows * gates, 4), out = buffer(rows * gates, 5), gradient = buffer(gates * hidden, 6)
    defer { for p in [states, weights, weightsT, gateGradients, out, gradient] { p.deallocate() } }
    let forwardPanels = PanelProduct.Panels(weightsT, depth: hidden, columns: gates, ldb: gates)
    let carryPanels = PanelProduct.Panels(weights, depth: gates, columns: hidden, ldb: hidden)
    func gigaflops(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<5 { best = min(best, measure(iterations: 50, body)) }
        return 2 * Double(rows * gates * hidden) / best / 1e9
    }
    let cases: [(String, () -> Void, () -> Void)] = [
        ("forward  W_hh h   400x384x128", {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(rows), blasint(gates), blasint(hidden), 1,
                        states, blasint(hidden), weightsT, blasint(gates), 0, out, blasint(gates))
        }, {
            PanelProduct.multiply(rows, gates, hidden, states, rowStride: hidden, depthStride: 1, forwardPanels.operand, out,
                                  ldc: gates, accumulate: false)
        }),
        ("carry    dg W_hh  400x128x384", {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, blasint(rows), blasint(hidden), blasint(gates), 1,
                        gateGradients, blasint(gates), weights, blasint(hidden), 1, out, blasint(hidden))
        }, {
            PanelProduct.multiply(rows, hidden, gates, gateGradients, rowStride: gates, depthStride: 1, carryPanels.operand,
                                  out, ldc: hidden, accumulate: true)
        }),
        ("weights  dg^T h   384x128x400", {
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, blasint(gates), blasint(hidden), blasint(rows), 1,
                        gateGradients, blasint(gates), states, blasint(hidden), 1, gradient, blasint(hidden))
        }, {
            PanelProduct.multiply(gates, hidden, rows, gateGradients, rowStride: 1, depthStride: gates,
                                  .rowMajor(states, rowStride: hidden), gradient, ldc: hidden, accumulate: true)
        }),
    ]
    print("GRU-128 full batch, one block's per-step products (1 thread, warm), GFLOP/s")
    for (name, blas, panels) in cases {
        print(String(format: "  %@   OpenBLAS %6.1f   PanelProduct %6.1f", name, gigaflops(blas), gigaflops(panels)))
    }
}
