import CBLAS
import Foundation
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
}
