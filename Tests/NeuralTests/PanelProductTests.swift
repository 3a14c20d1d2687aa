@_spi(Benchmarks) @testable import Neural
import Testing
import Tensor

/// `PanelProduct`, the register-tiled products of a full-batch GRU's steps: against a
/// double-precision product for every way the kernel reads its operands, and a row's
/// results the same bytes however many rows are computed with it.
@Suite struct PanelProductTests {
    /// Deterministic values in [−1, 1).
    private func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Float(state >> 40) / Float(1 << 23) - 1
        }
    }

    /// c = a · b (+ c) for a read by rows or transposed, b packed or read in place with a
    /// padded leading dimension, m with and without a partial tile, k from 0 up.
    @Test(arguments: [(1, 32, 1), (8, 32, 7), (13, 64, 33), (21, 96, 128), (16, 32, 0), (3, 64, 5)])
    func agreesWithADoublePrecisionProduct(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        for transposedA in [false, true] {
            for packed in [false, true] {
                for accumulate in [false, true] {
                    let a = values(m * k + 5, seed: 1)
                    let ldb = n + 16
                    let b = values(Swift.max(k, 1) * ldb, seed: 2)
                    let start = values(m * (n + 3), seed: 3)
                    // a's element (i, p): a[i·k + p] by rows, a[p·m + i] transposed.
                    let (rowStride, depthStride) = transposedA ? (1, m) : (k, 1)
                    var c = start
                    b.withUnsafeBufferPointer { bp in
                        a.withUnsafeBufferPointer { ap in
                            c.withUnsafeMutableBufferPointer { cp in
                                let panels = packed
                                    ? PanelProduct.Panels(bp.baseAddress!, depth: k, columns: n, ldb: ldb) : nil
                                let operand = panels?.operand ?? .rowMajor(bp.baseAddress!, rowStride: ldb)
                                PanelProduct.multiply(
                                    m, n, k, ap.baseAddress!, rowStride: rowStride, depthStride: depthStride, operand,
                                    cp.baseAddress!, ldc: n + 3, accumulate: accumulate)
                            }
                        }
                    }
                    for i in 0..<m {
                        for j in 0..<(n + 3) {
                            let at = i * (n + 3) + j
                            guard j < n else {
                                #expect(c[at] == start[at], "column \(j) past n was written")
                                continue
                            }
                            var sum = accumulate ? Double(start[at]) : 0
                            for p in 0..<k { sum += Double(a[i * rowStride + p * depthStride]) * Double(b[p * ldb + j]) }
                            #expect(abs(Double(c[at]) - sum) <= 1e-5 * (1 + abs(sum)),
                                    "m \(m) n \(n) k \(k) transposed \(transposedA) packed \(packed) accumulate \(accumulate): c[\(i), \(j)]")
                        }
                    }
                }
            }
        }
    }

    /// A row computed alone (the partial-tile path) gives the bytes it gives inside a
    /// tile of 8: every sum is taken over k in order, from zero.
    @Test func aRowsBytesDoNotDependOnTheRowsBesideIt() {
        let (m, n, k) = (17, 64, 45)
        let a = values(m * k, seed: 4)
        let b = values(k * n, seed: 5)
        func product(rows: Range<Int>) -> [Float] {
            var c = [Float](repeating: 0, count: rows.count * n)
            a.withUnsafeBufferPointer { ap in
                b.withUnsafeBufferPointer { bp in
                    c.withUnsafeMutableBufferPointer { cp in
                        PanelProduct.multiply(
                            rows.count, n, k, ap.baseAddress! + rows.lowerBound * k, rowStride: k, depthStride: 1,
                            .rowMajor(bp.baseAddress!, rowStride: n), cp.baseAddress!, ldc: n, accumulate: false)
                    }
                }
            }
            return c
        }
        let together = product(rows: 0..<m)
        for i in 0..<m {
            #expect(product(rows: i..<(i + 1)) == Array(together[(i * n)..<((i + 1) * n)]), "row \(i)")
        }
    }

    @Test func fitsWholePanelsOnly() {
        #expect(PanelProduct.fits(columns: 32) && PanelProduct.fits(columns: 384))
        #expect(!PanelProduct.fits(columns: 0) && !PanelProduct.fits(columns: 20) && !PanelProduct.fits(columns: 48))
    }
}
