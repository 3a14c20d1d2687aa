import Diagnostics
import Tensor
import Testing
@testable import ScriptRuntime

/// `torch.nn.utils.rnn`: padding and packing with PyTorch's values, layouts and errors, and
/// `PackedSequenceObject.runPacked`, which recurrent layers call for a packed input.
let rnnUtilsCases: [ProgramCase] = [
    .init("""
        import torch
        from torch.nn.utils.rnn import pad_sequence
        a, b, c = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0]), torch.tensor([6.0])
        print(pad_sequence([a, b, c]))
        print(pad_sequence([a, b, c], batch_first=True, padding_value=-1))
        print(pad_sequence([a, b], batch_first=True, padding_side="left"))
        print(pad_sequence([torch.ones(2, 3), torch.ones(1, 3)]).shape, pad_sequence(torch.ones(2, 4)).shape)
        """, """
        tensor([[1., 4., 6.],
                [2., 5., 0.],
                [3., 0., 0.]])
        tensor([[ 1.,  2.,  3.],
                [ 4.,  5., -1.],
                [ 6., -1., -1.]])
        tensor([[1., 2., 3.],
                [0., 4., 5.]])
        torch.Size([2, 2, 3]) torch.Size([4, 2])

        """),
    // PackedSequence's fields, as PyTorch computes them; it unpacks like its namedtuple.
    .init("""
        import torch
        from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pack_sequence
        a, b, c = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0]), torch.tensor([6.0])
        print(pack_padded_sequence(pad_sequence([a, b, c]), [3, 2, 1]))
        packed = pack_padded_sequence(pad_sequence([b, a, c], batch_first=True), torch.tensor([2, 3, 1]), batch_first=True,
                                      enforce_sorted=False)
        data, batch_sizes, sorted_indices, unsorted_indices = packed
        print(data, batch_sizes, sorted_indices, unsorted_indices)
        print(pack_sequence([b, a], enforce_sorted=False).sorted_indices, len(packed))
        """, """
        PackedSequence(data=tensor([1., 4., 6., 2., 5., 3.]), batch_sizes=tensor([3, 2, 1]), sorted_indices=None, unsorted_indices=None)
        tensor([1., 4., 6., 2., 5., 3.]) tensor([3, 2, 1]) tensor([1, 0, 2]) tensor([1, 0, 2])
        tensor([1, 0]) 4

        """),
    // pad_packed_sequence gives padding past each length and the lengths in batch order.
    .init("""
        import torch
        from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
        x = torch.arange(1, 13).float().reshape(4, 3)
        padded, lengths = pad_packed_sequence(pack_padded_sequence(x, [2, 4, 1], enforce_sorted=False), padding_value=-1.0)
        print(padded, lengths)
        out, _ = pad_packed_sequence(pack_padded_sequence(x, [3, 2, 1]), batch_first=True, total_length=5)
        print(out.shape, out[0])
        """, """
        tensor([[ 1.,  2.,  3.],
                [ 4.,  5., -1.],
                [-1.,  8., -1.],
                [-1., 11., -1.]]) tensor([2, 4, 1])
        torch.Size([3, 5]) tensor([1., 4., 7., 0., 0.])

        """),
    // Gradients reach the valid steps only.
    .init("""
        import torch
        from torch.nn.utils.rnn import pad_sequence, pack_padded_sequence, pad_packed_sequence
        def round_trip(x):
            padded, _ = pad_packed_sequence(pack_padded_sequence(x, [1, 3], enforce_sorted=False), total_length=4)
            return padded * 2
        print(check_gradients(round_trip, [torch.randn(3, 2, 2)]))
        print(check_gradients(lambda x: pack_padded_sequence(x, [3, 1]).data, [torch.randn(3, 2)]))
        print(check_gradients(lambda a, b: pad_sequence([a, b], batch_first=True, padding_value=5.0), [torch.randn(3), torch.randn(1)]))
        x = torch.ones(3, 2, requires_grad=True)
        padded, _ = pad_packed_sequence(pack_padded_sequence(x, [3, 1]))
        padded.sum().backward()
        print(x.grad)
        """, """
        True
        True
        True
        tensor([[1., 1.],
                [1., 0.],
                [1., 0.]])

        """),
    .init("import torch\ntorch.nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2), [1, 2])",
          "error: 2:1: `lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass "
            + "`enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement if you do not "
            + "need ONNX exportability.\n"),
    .init("import torch\ntorch.nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2), [3, 0])",
          "error: 2:1: Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0\n"),
    .init("import torch\ntorch.nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2), [3, 2, 1])",
          "error: 2:1: Expected `len(lengths)` to be equal to batch_size, but got 3 (batch_size=2)\n"),
    .init("import torch\ntorch.nn.utils.rnn.pack_padded_sequence(torch.ones(3, 2), [5, 2])",
          "error: 2:1: pack_padded_sequence(): a length of 5 is more than the 3 steps of the input\n"),
    .init("import torch\nfrom torch.nn.utils import rnn\nrnn.pad_packed_sequence(rnn.pack_sequence([torch.ones(3)]), total_length=2)",
          "error: 3:1: Expected total_length to be at least the length of the longest sequence in input, but got total_length=2 "
            + "and max sequence length being 3\n"),
    .init("import torch\ntorch.nn.utils.rnn.pad_sequence([torch.ones(2, 3), torch.ones(2, 4)])",
          "error: 2:1: pad_sequence(): sequence 1 has shape (2, 4), but every sequence must be (length, 3) like sequence 0\n"),
    .init("import torch\ntorch.nn.utils.rnn.pad_sequence([])", "error: 2:1: received an empty list of sequences\n"),
]

@Test(arguments: rnnUtilsCases) func rnnUtils(_ program: ProgramCase) { check(program) }

/// runPacked with toy recurrences written as user `def`s: a one-state Elman step and a
/// two-state (LSTM-like) one, each checked against running every sequence on its own.
@Suite struct RunPackedTests {
    let session = ScriptSession(seed: 3)
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 40))

    init() {
        let setup = """
            import torch
            from torch.nn.utils.rnn import pack_padded_sequence
            x = torch.randn(5, 3, 2)
            W = torch.randn(2, 3, requires_grad=True)
            U = torch.randn(3, 3, requires_grad=True)
            def elman(x, states):
                h = torch.zeros(1, x.shape[1], 3) if states is None else states[0]
                h = h[0]
                outs = []
                for t in range(x.shape[0]):
                    h = torch.tanh(x[t] @ W + h @ U)
                    outs.append(h)
                return torch.stack(outs), [h.unsqueeze(0)]
            def twostate(x, states):
                h, c = states
                h, c = h[0], c[0]
                outs = []
                for t in range(x.shape[0]):
                    c = 0.5 * c + torch.tanh(x[t] @ W + h @ U)
                    h = torch.sigmoid(c)
                    outs.append(h)
                return torch.stack(outs), [h.unsqueeze(0), c.unsqueeze(0)]
            """
        _ = render(session.run(setup, origin: BlockOrigin(file: file, line: 1)).outputs)
    }

    func global(_ name: String) throws -> Value { try #require(session.interpreter.globals[name]?.value) }

    /// The layer forward of a user def: `def layer(x, states) -> (output, [state, …])`.
    func forward(_ name: String) throws -> (Tensor, [Tensor]?) throws -> (Tensor, [Tensor]) {
        let function = try global(name)
        let interpreter = session.interpreter
        let context = interpreter.tensors
        return { x, states in
            let given: Value = states.map { .list(ListObject($0.map(context.wrap))) } ?? .none
            let result = try interpreter.call(function, Arguments([context.wrap(x), given]))
            guard case .tuple(let pair) = result, let output = pair[0].tensorObject?.tensor else {
                throw RuntimeError.type("the layer must return (output, states)")
            }
            return (output, try interpreter.collect(pair[1]).compactMap { $0.tensorObject?.tensor })
        }
    }

    func packed(_ lengths: [Int]) throws -> PackedSequenceObject {
        let x = try #require(try global("x").tensorObject?.tensor)
        return try SequencePacking.pack(x, lengths, enforceSorted: false, session.interpreter)
    }

    @Test(arguments: [[2, 5, 1], [5, 5, 5], [3, 1, 3]])
    func outputsStopAtEachLengthAndHnIsTheLastValidState(lengths: [Int]) throws {
        let layer = try forward("elman")
        let x = try #require(try global("x").tensorObject?.tensor)
        let (out, hn) = try packed(lengths).runPacked(hx: nil, layerForward: layer)
        #expect(out.lengths == lengths)
        #expect(out.padded.shape == [lengths.max() ?? 0, 3, 3])
        #expect(hn.count == 1 && hn[0].shape == [1, 3, 3])
        for (b, length) in lengths.enumerated() {
            let alone = try x.index([.slice(start: 0, stop: length), .slice(start: b, stop: b + 1)])
            let (reference, _) = try layer(alone, nil)
            let mine = try out.padded.index([.slice(start: 0, stop: length), .slice(start: b, stop: b + 1)])
            #expect(mine.allClose(reference, rtol: 1e-5, atol: 1e-6), "sequence \(b)")
            let padding = try out.padded.index([.slice(start: length), .at(b)])
            #expect(padding.scalars.allSatisfy { $0 == 0 }, "sequence \(b) past its length")
            let last = try out.padded.index([.at(length - 1), .at(b)])
            #expect(try hn[0].index([.at(0), .at(b)]).allClose(last), "h_n of sequence \(b)")
        }
    }

    @Test func twoStatesAreCarriedAndGradientsMatchSequenceBySequence() throws {
        let layer = try forward("twostate")
        let x = try #require(try global("x").tensorObject?.tensor)
        let w = try #require(try global("W").tensorObject?.tensor)
        let lengths = [2, 5, 3]
        let h0 = try Tensor.randn([1, 3, 3], generator: Generator(seed: 9))
        let c0 = try Tensor.randn([1, 3, 3], generator: Generator(seed: 10))
        let (out, states) = try packed(lengths).runPacked(hx: [h0, c0], layerForward: layer)
        #expect(states.count == 2)
        try out.padded.sum().add(states[0].sum()).add(states[1].mul(2).sum()).backward()
        let packedGrad = try #require(w.grad).clone()
        w.zeroGrad()
        for (b, length) in lengths.enumerated() {
            let alone = try x.index([.slice(start: 0, stop: length), .slice(start: b, stop: b + 1)])
            let start = try [h0, c0].map { try $0.index([.all, .slice(start: b, stop: b + 1)]) }
            let (reference, final) = try layer(alone, start)
            #expect(try states[1].index([.all, .slice(start: b, stop: b + 1)]).allClose(final[1], rtol: 1e-5, atol: 1e-6), "c_n \(b)")
            try reference.sum().add(final[0].sum()).add(final[1].mul(2).sum()).backward()
        }
        #expect(packedGrad.allClose(try #require(w.grad), rtol: 1e-4, atol: 1e-5))
    }

    @Test func batchFirstLayersGetBatchFirstSegments() throws {
        let layer = try forward("elman")
        let (expected, hn) = try packed([4, 2, 5]).runPacked(hx: nil, layerForward: layer)
        let (out, hnFirst) = try packed([4, 2, 5]).runPacked(hx: nil, batchFirst: true) { x, states in
            let (y, final) = try layer(x.transpose(0, 1), states)
            return (try y.transpose(0, 1), final)
        }
        #expect(out.padded.allClose(expected.padded) && hnFirst[0].allClose(hn[0]))
    }

    /// A state value as tensors: `h_n`, or the tensors of `(h_n, c_n)`.
    func tensors(_ value: Value) throws -> [Tensor] {
        if let t = value.tensorObject?.tensor { return [t] }
        return try session.interpreter.collect(value).compactMap { $0.tensorObject?.tensor }
    }

    /// The built-in layers, through `run(layer:hx:)` (what a layer's call does with a packed
    /// input): each sequence gives what the layer gives on that sequence alone.
    @Test(arguments: [("LSTM", ""), ("GRU", ""), ("RNN", ""), ("LSTM", ", num_layers=2, batch_first=True"),
                      ("GRU", ", num_layers=2"), ("RNN", ", batch_first=True")])
    func builtInLayersRunEachSequenceToItsLength(kind: String, options: String) throws {
        let layers = options.contains("num_layers=2") ? 2 : 1
        let batchFirst = options.contains("batch_first=True")
        _ = session.run("layer = torch.nn.\(kind)(2, 3\(options))\nh0 = torch.randn(\(layers), 3, 3)\nc0 = torch.randn(\(layers), 3, 3)",
                        origin: BlockOrigin(file: file, line: 30))
        guard case .native(let layer) = try global("layer") else { throw RuntimeError.type("no layer") }
        let interpreter = session.interpreter
        let context = interpreter.tensors
        let x = try #require(try global("x").tensorObject?.tensor)
        let h0 = try #require(try global("h0").tensorObject?.tensor)
        let c0 = try #require(try global("c0").tensorObject?.tensor)
        let lengths = [2, 5, 1]
        let hx: Value = kind == "LSTM" ? .tuple([context.wrap(h0), context.wrap(c0)]) : context.wrap(h0)
        let result = try packed(lengths).run(layer: layer, hx: hx, interpreter)
        guard case .tuple(let pair) = result, case .native(let out as PackedSequenceObject) = pair[0] else {
            throw RuntimeError.type("not (PackedSequence, h_n)")
        }
        let states = try tensors(pair[1])
        #expect(states.count == (kind == "LSTM" ? 2 : 1))
        for (b, length) in lengths.enumerated() {
            var alone = try x.index([.slice(start: 0, stop: length), .slice(start: b, stop: b + 1)])
            if batchFirst { alone = try alone.transpose(0, 1) }
            let start = try [h0, c0].map { context.wrap(try $0.index([.all, .slice(start: b, stop: b + 1)])) }
            let given: Value = kind == "LSTM" ? .tuple(start) : start[0]
            guard case .tuple(let reference)? = try layer.call(Arguments([context.wrap(alone), given]), interpreter),
                  var referenceOutput = reference[0].tensorObject?.tensor else { throw RuntimeError.type("no output") }
            if batchFirst { referenceOutput = try referenceOutput.transpose(0, 1) }
            let referenceStates = try tensors(reference[1])
            let mine = try out.padded.index([.slice(start: 0, stop: length), .slice(start: b, stop: b + 1)])
            #expect(mine.allClose(referenceOutput, rtol: 1e-5, atol: 1e-6), "\(kind) sequence \(b)")
            #expect(try out.padded.index([.slice(start: length), .at(b)]).scalars.allSatisfy { $0 == 0 })
            for (state, expected) in zip(states, referenceStates) {
                #expect(try state.index([.all, .slice(start: b, stop: b + 1)]).allClose(expected, rtol: 1e-5, atol: 1e-6),
                        "\(kind) final state of sequence \(b)")
            }
        }
    }

    @Test func bidirectionalLayersAreRefused() throws {
        let error = #expect(throws: RuntimeError.self) {
            try packed([2, 5, 1]).run(layer: Bidirectional(), hx: nil, session.interpreter)
        }
        #expect(error?.message.hasPrefix("LSTM(): a PackedSequence into a bidirectional layer is not supported here") == true)
    }

    @Test func packedSequencesAreSnapshotted() throws {
        _ = session.run("p = pack_padded_sequence(x, [2, 5, 1], enforce_sorted=False)", origin: BlockOrigin(file: file, line: 30))
        let snapshot = try session.snapshot()
        // p shares x's tensor; so do their copies.
        let code = "with torch.no_grad():\n    x += 1\nprint((p.data[:3] == x[0, [1, 0, 2]]).all().item(), p.data.sum().item(), p.batch_sizes)"
        let first = render(session.run(code, origin: BlockOrigin(file: file, line: 31)).outputs)
        try session.restore(snapshot)
        #expect(render(session.run(code, origin: BlockOrigin(file: file, line: 31)).outputs) == first)
        #expect(first.hasPrefix("True ") && first.hasSuffix(" tensor([3, 2, 1, 1, 1])\n"))
    }
}

/// A layer object that says it is bidirectional.
final class Bidirectional: NativeObject {
    var typeName: String { "LSTM" }
    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        name == "bidirectional" ? .bool(true) : nil
    }
}
