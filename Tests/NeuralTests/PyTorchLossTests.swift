import Foundation
import Neural
import Testing
import Tensor
import EngineTestSupport

/// PyTorch's loss options against values computed by hand (numpy, from PyTorch's
/// definitions in LossNLL.cpp and Loss.cpp), and their gradients against finite differences.
@Suite struct PyTorchLossTests {
    let logits = try! Tensor([[1.0, 2.0, 0.5], [0.3, -1.0, 2.0], [0.0, 0.5, -0.5], [1.5, 1.0, 0.2]])
    let labels = try! Tensor(ints: [0, 2, 1, -100])
    let weight = try! Tensor([0.5, 2.0, 1.5])

    func crossEntropy(_ reduction: LossReduction, weight: Tensor? = nil, smoothing: Float = 0) throws -> Tensor {
        try Losses.crossEntropy(logits, labels, layout: .pytorch,
                                options: .init(weight: weight, reduction: reduction, labelSmoothing: smoothing))
    }

    func expect(_ t: Tensor, _ values: [Double], tolerance: Double = 1e-5, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(t.count == values.count, sourceLocation: sourceLocation)
        for (a, b) in zip(t.scalars, values) {
            #expect(abs(Double(a) - b) < tolerance, "\(t.scalars) vs \(values)", sourceLocation: sourceLocation)
        }
    }

    @Test func crossEntropyWeightsIgnoreIndexAndReductions() throws {
        expect(try crossEntropy(.none, weight: weight), [0.7321843920539725, 0.31353114981759034, 1.3605393412834692, 0])
        expect(try crossEntropy(.sum, weight: weight), [2.406254883155032])
        // The weighted mean divides by the weights of the positions kept: 0.5 + 1.5 + 2.
        expect(try crossEntropy(.mean, weight: weight), [0.601563720788758])
        let allIgnored = try Losses.crossEntropy(logits, Tensor(ints: [-100, -100, -100, -100]), layout: .pytorch, options: .init())
        #expect(try allIgnored.item().isNaN)
        let custom = try Losses.crossEntropy(logits, Tensor(ints: [0, 2, 1, 1]), layout: .pytorch,
                                             options: .init(ignoreIndex: 1, reduction: .sum))
        let lp = try logits.logSoftmax(dim: 1).scalars
        expect(custom, [-Double(lp[0] + lp[5])])
    }

    @Test func crossEntropyLabelSmoothing() throws {
        expect(try crossEntropy(.mean, weight: weight, smoothing: 0.2), [0.7606615913839891])
        expect(try crossEntropy(.mean, smoothing: 0.2), [0.9112197404315798])
        expect(try crossEntropy(.none, smoothing: 0.2), [1.4310354507746117, 0.5223540998783935, 0.7802696706417347, 0])
        try GradCheck.check([logits.clone()]) { x in
            try Losses.crossEntropy(x[0], labels, layout: .pytorch, options: .init(weight: weight, labelSmoothing: 0.3))
        }
        #expect(throws: NeuralError.self) { try crossEntropy(.mean, smoothing: 1.5) }
    }

    @Test func crossEntropyClassesInDimensionOne() throws {
        let z = try Tensor([-1.5, -1.2, -0.9, 2.0, -0.3, 0.0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8], shape: [2, 3, 2])
        let t = try Tensor(ints: [0, 2, 1, 1], shape: [2, 2])
        let none = try Losses.crossEntropy(z, t, layout: .pytorch, options: .init(reduction: .none))
        #expect(none.shape == [2, 2])
        expect(none, [1.815188800169685, 2.1622017433322935, 1.2151888001696851, 1.2151888001696851])
        expect(try Losses.crossEntropy(z, t, layout: .pytorch, options: .init()), [1.6019420359603371])
        // The same numbers with the classes moved last, in rnnbook's layout.
        let last = try Losses.crossEntropy(z.transpose(1, 2), t, layout: .last, options: .init(reduction: .none))
        expect(last, none.scalars.map(Double.init))
        try GradCheck.check([z.clone()]) { x in
            try Losses.crossEntropy(x[0], t, layout: .pytorch, options: .init(weight: weight, reduction: .sum))
        }
        try GradCheck.check([z.clone()]) { x in try Losses.crossEntropy(x[0], t, layout: .pytorch, options: .init(reduction: .none)) }
    }

    @Test func crossEntropyWithClassProbabilities() throws {
        let x = try logits.index([.slice(start: 0, stop: 2)])
        let p = try Tensor([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])
        expect(try Losses.crossEntropy(x, p, layout: .pytorch, options: .init()), [1.6616947753265026])
        expect(try Losses.crossEntropy(x, p, layout: .pytorch, options: .init(weight: weight, reduction: .sum)), [2.85284512022905])
        try GradCheck.check([x.clone(), p.clone()]) { v in try Losses.crossEntropy(v[0], v[1], layout: .pytorch, options: .init()) }
        #expect(throws: NeuralError.self) {
            try Losses.crossEntropy(x, p, layout: .pytorch, options: .init(ignoreIndex: 0))
        }
    }

    @Test func nllLoss() throws {
        let logp = try logits.logSoftmax(dim: 1)
        expect(try Losses.nll(logp, labels, layout: .pytorch, options: .init(weight: weight)), [0.601563720788758])
        try GradCheck.check([logp.detach().clone()]) { x in
            try Losses.nll(x[0], labels, layout: .pytorch, options: .init(weight: weight, reduction: .none))
        }
        #expect(throws: NeuralError.self) { try Losses.nll(logp, Tensor(ints: [0, 1]), layout: .pytorch, options: .init()) }
    }

    @Test func pointwiseLosses() throws {
        let a = try Tensor([0.0, 0.5, 3.0])
        let b = try Tensor([0.2, 2.0, 0.0])
        expect(try Losses.mse(a, b, reduction: .sum), [11.29])
        expect(try Losses.mse(a, b, reduction: .none), [0.04, 2.25, 9])
        expect(try Losses.l1(a, b, reduction: .mean), [1.5666666666666667])
        expect(try Losses.smoothL1(a, b, beta: 1, reduction: .none), [0.02, 1.0, 2.5])
        expect(try Losses.smoothL1(a, b, beta: 2, reduction: .none), [0.01, 0.5625, 2.0])
        expect(try Losses.smoothL1(a, b, beta: 0, reduction: .sum), [4.7])
        expect(try Losses.huber(a, b, delta: 2, reduction: .sum), [5.145])
        #expect(throws: NeuralError.self) { try Losses.mse(a, Tensor([1, 2])) }
        for f in [{ (x: Tensor, y: Tensor) in try Losses.mse(x, y, reduction: .mean) },
                  { try Losses.l1($0, $1, reduction: .sum) },
                  { try Losses.smoothL1($0, $1, beta: 1, reduction: .none) },
                  { try Losses.huber($0, $1, delta: 0.5, reduction: .mean) }] {
            // The gradient reaches the target too, as in PyTorch.
            try GradCheck.check([GradCheck.random([2, 3], seed: 1), GradCheck.random([2, 3], seed: 2)]) { try f($0[0], $0[1]) }
        }
    }

    @Test func binaryCrossEntropy() throws {
        let x = try Tensor([0.2, 0.9, 0.6])
        let t = try Tensor([0.0, 1.0, 0.3])
        expect(try Losses.binaryCrossEntropy(x, t, weight: nil, reduction: .mean), [0.37438508880458055])
        expect(try Losses.binaryCrossEntropy(x, t, weight: Tensor([1, 2, 3]), reduction: .sum), [2.8178181809549794])
        #expect(try Losses.binaryCrossEntropy(Tensor([0.0]), Tensor([1.0]), weight: nil, reduction: .sum).item() == 100)
        #expect(throws: NeuralError.self) { try Losses.binaryCrossEntropy(Tensor([1.5]), Tensor([1.0]), weight: nil, reduction: .sum) }
        try GradCheck.check([x.clone()]) { v in try Losses.binaryCrossEntropy(v[0], t, weight: nil, reduction: .mean) }

        let z = try Tensor([0.0, 2.0, -3.0])
        expect(try Losses.binaryCrossEntropyWithLogits(z, t, weight: nil, posWeight: nil, reduction: .mean), [0.5895541810588867])
        expect(try Losses.binaryCrossEntropyWithLogits(z, t, weight: nil, posWeight: Tensor([2.0]), reduction: .mean),
               [0.9367222532305851])
        // Exactly zero logits are where a kinked formula would get the gradient wrong.
        try GradCheck.check([z.clone(), t.clone()]) { v in
            try Losses.binaryCrossEntropyWithLogits(v[0], v[1], weight: Tensor([1, 2, 3]), posWeight: Tensor([2.0]), reduction: .sum)
        }
    }

    @Test func reductionNames() throws {
        #expect(try LossReduction(named: "sum") == .sum)
        #expect(throws: NeuralError.self) { try LossReduction(named: "average") }
        #expect(ClassLayout.resolve([4, 3, 5], [4, 5], preferred: .last) == .pytorch)
        #expect(ClassLayout.resolve([4, 3, 5], [4, 3], preferred: .pytorch) == .last)
        #expect(ClassLayout.resolve([4, 3, 3], [4, 3], preferred: .last) == .last)
        #expect(ClassLayout.resolve([4, 3, 3], [4, 3], preferred: .pytorch) == .pytorch)
        #expect(ClassLayout.resolve([4, 3], [5], preferred: .pytorch) == nil)
    }
}
