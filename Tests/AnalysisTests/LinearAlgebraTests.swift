import EngineTestSupport
import Testing
@testable import Analysis
import Tensor

/// `Tensor.det` and `Tensor.inverse`: values, batches, and gradients against finite
/// differences; `LUFactorization` in double precision.

/// Random matrices of `shape` (…, n, n) kept away from singular: A + 3I.
private func wellConditioned(_ shape: [Int], seed: UInt64) throws -> Tensor {
    let n = shape[shape.count - 1]
    return try GradCheck.random(shape, seed: seed).add(Tensor.eye(n, nil).mul(3))
}

@Test func determinantGradientMatchesFiniteDifferences() throws {
    let a = try wellConditioned([3, 3], seed: 4)
    try GradCheck.check([a]) { try a.det() }
    let batch = try wellConditioned([2, 3, 4, 4], seed: 5)
    try GradCheck.check([batch], rtol: 3e-2) { try batch.det() }
}

@Test func inverseGradientMatchesFiniteDifferences() throws {
    let a = try wellConditioned([3, 3], seed: 6)
    try GradCheck.check([a]) { try a.inverse() }
    let batch = try wellConditioned([2, 2, 2], seed: 7)
    try GradCheck.check([batch]) { try batch.inverse() }
}

@Test func inverseTimesMatrixIsTheIdentity() throws {
    let a = try wellConditioned([3, 5, 5], seed: 8)
    let product = try a.inverse().matmul(a)
    let identity = try Tensor.eye(5, nil).unsqueeze(0).expand([3, 5, 5])
    GradCheck.expectClose(product, identity, rtol: 1e-4, atol: 1e-5, "A⁻¹A")
    #expect(try a.inverse().gradFnName == nil)
}

@Test func determinantOfKnownMatrices() throws {
    #expect(try Tensor([[1, 2], [3, 4]]).det().item() == -2)
    #expect(try Tensor([[0, 1], [1, 0]]).det().item() == -1)
    // The transpose is factored, as PyTorch does: pivoting on 7 rounds, as in PyTorch
    // (24.000001907348633), where the lower triangular matrix needs no pivoting.
    #expect(try Tensor([[2, 7, 1], [0, 3, 5], [0, 0, 4]]).det().item() == 24.000001907348633)
    #expect(try Tensor([[2, 0, 0], [7, 3, 0], [1, 5, 4]]).det().item() == 24)
    let lu = LUFactorization(rowMajor: [0.0, 1, 1, 0], n: 2)
    #expect(lu.permutationSign == -1 && lu.zeroPivot == 0)
    #expect(lu.solve([1, 2], columns: 1) == [2, 1])
    #expect(LUFactorization(rowMajor: [1.0, 2, 2, 4], n: 2).zeroPivot == 2)
}

@Test func singularAndMisshapenMatricesAreRefused() throws {
    #expect(throws: TensorError("linalg.inv: The diagonal element 2 is zero, the inversion could not be completed because the input matrix is singular.")) {
        try Tensor([[1, 2], [2, 4]]).inverse()
    }
    #expect(throws: TensorError("linalg.det: A must be batches of square matrices, but they are 2 by 3 matrices")) {
        try Tensor.zeros([2, 3]).det()
    }
    #expect(throws: TensorError("linalg.det: Expected a floating point or complex tensor as input. Got Long")) {
        try Tensor(ints: [1, 2, 3, 4], shape: [2, 2]).det()
    }
}
