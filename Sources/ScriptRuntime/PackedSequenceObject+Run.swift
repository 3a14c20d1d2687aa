import Tensor

extension PackedSequenceObject {
    /// Runs a recurrent layer over this packed batch, as PyTorch's `nn.RNN/GRU/LSTM` do
    /// when given a `PackedSequence`: each sequence is stepped only over its own length, its
    /// outputs past the length are 0, and `h_n` holds each sequence's state at its last
    /// valid step (step `length - 1`), in the caller's batch order.
    ///
    /// `layerForward(x, hx)` is the layer's ordinary forward pass: `x` is (steps, batch,
    /// input) — (batch, steps, input) when `batchFirst` — and `hx` the layer's states in
    /// PyTorch's layout, each (num_layers, batch, hidden) (`[h]`, or `[h, c]` for an LSTM),
    /// or nil for the layer's default zeros. It returns the output sequence in the same
    /// layout as `x` and the final states in the layout of `hx`.
    ///
    /// The batch is sorted by decreasing length and run in segments between consecutive
    /// distinct lengths, each on the sequences still running, carrying their states: one
    /// call per distinct length, each step computed once, exact for any number of layers
    /// and for LSTM cell states. (Not for bidirectional layers, whose backward direction
    /// must start at each sequence's own end.) Everything is recorded for autograd.
    ///
    /// The lead's layer call, e.g. `if case .native(let packed as PackedSequenceObject) =
    /// input { let (out, states) = try packed.runPacked(hx: h0.map { [$0] }, batchFirst:
    /// batchFirst) { x, hx in try forward(x, hx) }; return .tuple([.native(out), …]) }`.
    func runPacked(hx: [Tensor]?, batchFirst: Bool = false,
                   layerForward: (Tensor, [Tensor]?) throws -> (Tensor, [Tensor])) throws -> (PackedSequenceObject, [Tensor]) {
        let batch = lengths.count
        guard batch > 0 else { throw RuntimeError("cannot run a layer over a PackedSequence of no sequences", id: "runtime-error") }
        let order = try Tensor(ints: sortedIndices)
        let sortedLengths = sortedIndices.map { lengths[$0] }
        let x = try padded.index([.slice(start: 0, stop: maxLength), .tensor(order)])
        var states = try hx?.map { try $0.index([.all, .tensor(order)]) }
        var outputs: [Tensor] = []
        var finals: [[Tensor]] = []
        var start = 0
        for end in Set(sortedLengths).sorted() {
            let running = sortedLengths.filter { $0 >= end }.count
            var segment = try x.index([.slice(start: start, stop: end), .slice(start: 0, stop: running)])
            if batchFirst { segment = try segment.transpose(0, 1) }
            let given = try states.map { try $0.map { try $0.index([.all, .slice(start: 0, stop: running)]) } }
            var (output, next) = try layerForward(segment, given)
            if batchFirst { output = try output.transpose(0, 1) }
            if running < batch {
                let zeros = try Tensor.zeros([end - start, batch - running] + output.shape.dropFirst(2), dtype: output.dtype)
                output = try Tensor.cat([output, zeros], dim: 1)
            }
            outputs.append(output)
            // The sequences of length `end` finish here: sorted positions [finishing, running).
            let finishing = sortedLengths.filter { $0 > end }.count
            finals.append(try next.map { try $0.index([.all, .slice(start: finishing, stop: running)]) })
            states = next
            start = end
        }
        let unsort = try Tensor(ints: unsortedIndices)
        let output = try Tensor.cat(outputs, dim: 0).index([.all, .tensor(unsort)])
        let stateCount = finals.first?.count ?? 0
        let hn = try (0..<stateCount).map { k in
            try Tensor.cat(finals.reversed().map { $0[k] }, dim: 1).index([.all, .tensor(unsort)])
        }
        return (PackedSequenceObject(padded: output, lengths: lengths, enforceSorted: enforceSorted, owner: owner), hn)
    }
}

extension PackedSequenceObject {
    /// `layer(packed, hx)` for a recurrent layer object whose call follows PyTorch's contract
    /// on tensors — `layer(x, hx)` returns `(output, h_n)`, or `(output, (h_n, c_n))` for an
    /// LSTM, with states (num_layers, batch, hidden) — by calling it on each segment of
    /// `runPacked`. Reads the layer's `batch_first` and `bidirectional` attributes (a
    /// bidirectional layer is refused). Returns PyTorch's `(PackedSequence, h_n)` or
    /// `(PackedSequence, (h_n, c_n))`.
    ///
    /// `forward` runs the layer on tensors; by default `layer.call` (which also runs forward
    /// hooks, once per segment): a layer's own forward pass hands a packed input over with
    /// `if case .native(let packed as PackedSequenceObject) = args.value("input") {
    ///     return try packed.run(layer: self, hx: args["hx"], interpreter) { try self.forward($0, interpreter) } }`
    func run(layer: any NativeObject, hx: Value?, _ interpreter: Interpreter,
             forward: ((Arguments) throws -> Value?)? = nil) throws -> Value {
        func flag(_ name: String) throws -> Bool {
            try layer.attribute(name, interpreter)?.truthy() ?? false
        }
        if try flag("bidirectional") {
            throw RuntimeError.value("\(layer.typeName)(): a PackedSequence into a bidirectional layer is not supported here; "
                                     + "run it on the padded batch and mask the outputs")
        }
        let context = interpreter.tensors
        let given = hx.flatMap { $0.isNone ? nil : $0 }
        let states: [Tensor]? = try given.map { value in
            let items = value.tensorObject != nil ? [value] : try interpreter.collect(value)
            return try items.map { item in
                let t = try context.tensor(item, "\(layer.typeName)() hx")
                guard t.ndim == 3 else {
                    throw RuntimeError("\(layer.typeName)(): for a PackedSequence, hx must be (num_layers, batch, hidden), got "
                                       + "shape \(describeShape(t.shape))", id: "runtime-error")
                }
                return t
            }
        }
        func pack(_ tensors: [Tensor]) -> Value {
            tensors.count == 1 ? context.wrap(tensors[0]) : .tuple(tensors.map(context.wrap))
        }
        let (output, finals) = try context.perform {
            try runPacked(hx: states, batchFirst: try flag("batch_first")) { x, hx in
                let arguments = Arguments([context.wrap(x)] + (hx.map { [pack($0)] } ?? []))
                let result = try forward.map { try $0(arguments) } ?? layer.call(arguments, interpreter)
                guard let result, case .tuple(let pair) = result, pair.count == 2,
                      let y = pair[0].tensorObject?.tensor else {
                    throw RuntimeError.type("\(layer.typeName)() must return (output, h_n) to take a PackedSequence")
                }
                let hn = pair[1].tensorObject != nil ? [pair[1]] : try interpreter.collect(pair[1])
                return (y, try hn.map { try context.tensor($0, "\(layer.typeName)() h_n") })
            }
        }
        return .tuple([.native(output), pack(finals)])
    }
}
