import Foundation

/// Runs `body` `iterations` times (after one warm-up run) and returns seconds per iteration.
func measure(iterations: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<iterations { try body() }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return elapsed / Double(max(iterations, 1))
}
