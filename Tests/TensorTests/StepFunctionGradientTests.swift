import Testing
@testable import Tensor
import EngineTestSupport

/// The step functions are recorded as PyTorch records them, with its gradients (checked
/// against finite differences away from the steps): 0 for `sign`, `floor`, `ceil`,
/// `round`; g and −g·⌊a / b⌋ for `a % b`; `a // b` is recorded but not differentiable.
@Suite struct StepFunctionGradientTests {
    /// Inputs at least 0.2 from a whole number, a half and 0 (each function's steps).
    static func input() throws -> Tensor { try Tensor([0.3, 1.7, -0.6, 2.2, -1.3, 0.8], shape: [2, 3]) }

    @Test(arguments: ["sign", "floor", "ceil", "round"]) func stepFunctionsHaveZeroGradient(_ name: String) throws {
        let f: (Tensor) throws -> Tensor = switch name {
        case "sign": { try $0.sign() }
        case "floor": { try $0.floor() }
        case "ceil": { try $0.ceil() }
        default: { try $0.round() }
        }
        try GradCheck.check([Self.input()]) { try f($0[0]) }
        let y = try f(Self.input().requiresGrad_())
        #expect(y.requiresGrad && y.gradFnName == name.prefix(1).uppercased() + name.dropFirst() + "Backward0")
    }

    @Test func remainderGradientsForBothOperands() throws {
        // a / b is 0.43, 1.89, -0.46, 1.83, -0.87, 0.5 (away from whole numbers).
        let b = try Tensor([0.7, 0.9, 1.3, 1.2, 1.5, 1.6], shape: [2, 3])
        try GradCheck.check([Self.input(), b]) { try $0[0].remainder($0[1]) }
        try GradCheck.check([Self.input(), Tensor([0.7, 0.9, 1.3])]) { try $0[0].remainder($0[1]) }
        #expect(try Self.input().requiresGrad_().remainder(Tensor.number(2)).gradFnName == "RemainderBackward0")
    }

    @Test func floorDivisionIsRecordedButNotDifferentiable() throws {
        let x = try Self.input().requiresGrad_()
        let y = try x.floorDivide(Tensor.number(2))
        #expect(y.requiresGrad && y.gradFnName == "NotImplemented")
        #expect(throws: TensorError.self) { try y.sum().backward() }
        // Integer results record nothing, as in PyTorch.
        #expect(try !Tensor(ints: [3, 4]).floorDivide(Tensor.number(2)).requiresGrad)
    }
}
