import Foundation
import Testing
@testable import Tensor

@Suite struct FastMathTests {
    /// Arguments from -100 to 100, dense near 0.
    var sweep: [Float] {
        stride(from: -100.0, through: 100.0, by: 0.0137).map { Float($0) } + (0..<2000).map { Float($0) * 1e-4 - 0.1 }
    }

    @Test func expIsAccurate() {
        var worst = 0.0
        for x in sweep {
            let exact = Foundation.exp(Double(x))
            let got = Double(FastMath.exp(x))
            if exact > 1.2e-38 && exact < 3.4e38 { worst = max(worst, abs(got - exact) / exact) }
        }
        #expect(worst < 4e-7)
        #expect(FastMath.exp(100) == .infinity)
        #expect(FastMath.exp(-110) == 0)
        #expect(abs(FastMath.exp(-100) - 3.7835e-44) < 2e-45)
        #expect(FastMath.exp(.nan).isNaN)
        #expect(FastMath.exp(0) == 1)
    }

    @Test func tanhIsAccurate() {
        var worstAbsolute = 0.0
        var worstRelativeNearZero = 0.0
        for x in sweep {
            let exact = Foundation.tanh(Double(x))
            let got = Double(FastMath.tanh(x))
            worstAbsolute = max(worstAbsolute, abs(got - exact))
            if abs(x) < 0.5 && x != 0 { worstRelativeNearZero = max(worstRelativeNearZero, abs(got - exact) / abs(exact)) }
        }
        #expect(worstAbsolute < 2e-7)
        #expect(worstRelativeNearZero < 2e-7)
        #expect(FastMath.tanh(.nan).isNaN)
        #expect(FastMath.tanh(-30) == -1)
    }

    @Test func sigmoidIsAccurate() {
        for x in sweep {
            let exact = 1 / (1 + Foundation.exp(-Double(x)))
            #expect(abs(Double(FastMath.sigmoid(x)) - exact) <= 2e-7 * max(exact, 1e-30) + 1e-38)
        }
    }
}
