import Testing
@testable import Tensor

/// Runs every operation on awkward shapes (0-d, empty, size-1) and arguments: each may
/// throw a `TensorError`, but none may trap. A trap would crash the test process.
@Suite struct RobustnessTests {
    let shapes: [[Int]] = [[], [0], [1], [3], [2, 0], [0, 3], [2, 3], [1, 3], [3, 1], [2, 1, 3], [2, 3, 4]]

    func inputs() throws -> [Tensor] {
        let g = Generator(seed: 9)
        return try shapes.map { try Tensor.randn($0, generator: g).requiresGrad_() }
    }

    /// Runs `body`, accepting a `TensorError` and recording any other error.
    func attempt(_ body: () throws -> Any) {
        do {
            _ = try body()
        } catch is TensorError {
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unaryAndReductionsOnAwkwardShapes() throws {
        for x in try inputs() {
            attempt { try x.exp().log().sqrt().abs().relu().tanh().sigmoid().neg() }
            attempt { try x.clamp(min: -0.5, max: 0.5).clone().float().long().bool() }
            attempt { try x.sum().backward() }
            attempt { try x.max() }
            attempt { try x.argmax() }
            attempt { try x.std() }
            attempt { x.description }
            for dim in -4...4 {
                attempt { try x.sum(dim: dim, keepdim: true).sum().backward() }
                attempt { try x.mean(dim: dim) }
                attempt { try x.std(dim: dim) }
                attempt { try x.max(dim: dim).values.sum().backward() }
                attempt { try x.argmin(dim: dim) }
                attempt { try x.softmax(dim: dim).sum().backward() }
                attempt { try x.logSoftmax(dim: dim) }
                attempt { try x.logSumExp(dim: dim) }
                attempt { try x.unsqueeze(dim).squeeze(dim) }
                attempt { try x.transpose(dim, 0) }
                attempt { try x.flatten(startDim: dim) }
                attempt { try x.size(dim) }
                attempt { try Tensor.cat([x, x], dim: dim) }
                attempt { try Tensor.stack([x, x], dim: dim) }
                attempt { try x[.at(dim)] }
                attempt { try x[.all, .slice(start: dim, stop: -dim, step: 2)] }
                attempt { try x[.ellipsis, .tensor(try Tensor(ints: [dim, 0]))] }
                attempt { try x.reshape([dim, -1]) }
                attempt { try x.expand([dim, 3]) }
            }
            attempt { try x[.tensor(try x.gt(0))] }
            attempt { try withNoGrad { try x.indexPut([.tensor(try x.gt(0))], 1) } }
            attempt { try Tensor.oneHot(try x.abs().long(), classes: 2) }
            attempt { try x.permute([1, 0]) }
            attempt { try x.T }
            attempt { try x.backward(try Tensor.onesLike(x)) }
        }
    }

    @Test func binaryOperationsOnAllPairs() throws {
        let xs = try inputs()
        for a in xs {
            for b in xs {
                attempt { try (a + b).sum().backward() }
                attempt { try (a * b - a / b).pow(2) }
                attempt { try a.matmul(b).sum().backward() }
                attempt { try Tensor.product(a, transposeA: true, b) }
                attempt { try Tensor.where(a.gt(0), a, b) }
                attempt { try Tensor.cat([a, b], dim: 0) }
                attempt { try a.eq(b).logicalAnd(a.lt(b)) }
                attempt { try a.floorDivide(b).remainder(b) }
                attempt { try withNoGrad { try a.detach().add_(b) } }
                attempt { try Tensor.gemm(a, b, into: Tensor.zeros([a.shape.first ?? 0, b.shape.last ?? 0])) }
            }
        }
    }

    @Test func creationWithAwkwardArguments() {
        let g = Generator(seed: 1)
        for n in [-2, -1, 0, 1, 5] {
            attempt { try Tensor.eye(n) }
            attempt { try Tensor.linspace(0, 1, n) }
            attempt { try Tensor.randint(n, 3, [2], generator: g) }
            attempt { try Tensor.randperm(n, generator: g) }
            attempt { try Tensor.full([n, 2], 1) }
            attempt { try Tensor.arange(Float(n), 3, step: Float(n)) }
            attempt { try Tensor.oneHot(try Tensor(ints: [n]), classes: 3) }
            attempt { try Tensor([1, 2], shape: [n]) }
        }
    }
}
