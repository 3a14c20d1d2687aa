import Foundation
import Testing
@testable import Tensor

/// rnnbook shortens the time OpenBLAS's idle workers spin (`BLAS.shortenIdleSpinning`):
/// OpenBLAS reads the new setting, its threads restart on the next threaded product, and
/// products stay exact; a timeout the user set in the environment is kept.
@Suite(.serialized) struct BLASIdleTimeoutTests {
    @Test func theShortTimeoutTakesEffectAndThreadedProductsStayExact() throws {
        let original = BLAS.threadCount
        defer { BLAS.setThreadCount(original) }
        let userTimeout = ProcessInfo.processInfo.environment["OPENBLAS_THREAD_TIMEOUT"]
        let generator = Generator(seed: 5)
        let a = try Tensor.randn([256, 192], generator: generator)
        let b = try Tensor.randn([192, 320], generator: generator)
        BLAS.setThreadCount(1)
        let expected = try a.matmul(b).scalars

        let changed = BLAS.shortenIdleSpinning()
        if let userTimeout {
            // Set before this process started (by the user, or by an earlier call in it).
            #expect(!changed)
            #expect(BLAS.idleTimeoutSetting == Int(userTimeout) || userTimeout == String(BLAS.idleTimeoutExponent))
        } else {
            #expect(changed)
            #expect(BLAS.idleTimeoutSetting == BLAS.idleTimeoutExponent)
        }
        // Once set, the variable is the user's: a second call changes nothing.
        #expect(!BLAS.shortenIdleSpinning())
        #expect(ProcessInfo.processInfo.environment["OPENBLAS_THREAD_TIMEOUT"] != nil)

        // The workers stopped by the change start again for threaded products.
        BLAS.setThreadCount(2)
        for _ in 0..<3 {
            #expect(try a.matmul(b).scalars == expected)
            #expect(try Tensor.product(a, b).scalars == expected)
        }
    }
}
