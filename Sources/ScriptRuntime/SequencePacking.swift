import Tensor

/// `torch.nn.utils.rnn`: `pad_sequence`, `pack_padded_sequence`, `pack_sequence` and
/// `pad_packed_sequence`, with PyTorch's arguments, values and errors. Padding and
/// unpadding are recorded for autograd (gradients reach the valid steps only).
enum SequencePacking {
    static func install(into rnn: Namespace) {
        rnn.function("pad_sequence", Signature("pad_sequence", ["sequences", "batch_first", "padding_value", "padding_side"],
                                                 required: 1)) { args, interpreter in
            let context = interpreter.tensors
            let sequences = try sequenceList(args.value("sequences"), "pad_sequence", interpreter)
            let side = try args.string("padding_side", "right")
            guard side == "right" || side == "left" else {
                throw RuntimeError.value("Expected padding_side to be one of left or right, but got \(side).")
            }
            let padded = try pad(sequences, padding: Float(try args.double("padding_value", 0)), left: side == "left", context)
            return context.wrap(try args.bool("batch_first", false) ? try context.perform { try padded.transpose(0, 1) } : padded)
        }
        rnn.function("pack_padded_sequence", Signature("pack_padded_sequence", ["input", "lengths", "batch_first", "enforce_sorted"],
                                                         required: 2)) { args, interpreter in
            let context = interpreter.tensors
            var input = try context.tensor(args.value("input"), "pack_padded_sequence() argument 'input'")
            if try args.bool("batch_first", false) { input = try context.perform { try input.transpose(0, 1) } }
            return .native(try pack(input, try lengthList(args.value("lengths"), interpreter),
                                    enforceSorted: try args.bool("enforce_sorted", true), interpreter))
        }
        rnn.function("pack_sequence", Signature("pack_sequence", ["sequences", "enforce_sorted"], required: 1)) { args, interpreter in
            let context = interpreter.tensors
            let sequences = try sequenceList(args.value("sequences"), "pack_sequence", interpreter)
            let padded = try pad(sequences, padding: 0, left: false, context)
            return .native(try pack(padded, sequences.map { $0.shape.first ?? 0 }, enforceSorted: try args.bool("enforce_sorted", true),
                                    interpreter))
        }
        rnn.function("pad_packed_sequence", Signature("pad_packed_sequence", ["sequence", "batch_first", "padding_value", "total_length"],
                                                        required: 1)) { args, interpreter in
            guard case .native(let packed as PackedSequenceObject) = args.value("sequence") else {
                throw RuntimeError.type("pad_packed_sequence() argument 'sequence' must be a PackedSequence, not \(args.value("sequence").typeName)")
            }
            let total: Int? = try args["total_length"].flatMap { $0.isNone ? nil : try $0.asInt("pad_packed_sequence() argument 'total_length'") }
            let context = interpreter.tensors
            var padded = try unpack(packed, padding: Float(try args.double("padding_value", 0)), totalLength: total, context)
            if try args.bool("batch_first", false) { padded = try context.perform { try padded.transpose(0, 1) } }
            return .tuple([context.wrap(padded), context.wrap(try context.perform { try Tensor(ints: packed.lengths) })])
        }
    }

    /// The sequences of a list (or the rows of a tensor, as PyTorch unbinds one).
    static func sequenceList(_ value: Value, _ function: String, _ interpreter: Interpreter) throws -> [Tensor] {
        try interpreter.collect(value).map { try interpreter.tensors.tensor($0, "\(function)() sequence") }
    }

    /// The sequences (each (L, *)) padded to the longest, as (T, batch, *).
    static func pad(_ sequences: [Tensor], padding: Float, left: Bool, _ context: TensorContext) throws -> Tensor {
        guard let first = sequences.first else { throw RuntimeError("received an empty list of sequences", id: "runtime-error") }
        let trailing = Array(first.shape.dropFirst())
        for (i, s) in sequences.enumerated() where s.ndim == 0 || Array(s.shape.dropFirst()) != trailing {
            throw RuntimeError("pad_sequence(): sequence \(i) has shape \(describeShape(s.shape)), but every sequence must be "
                               + "(length, \(trailing.map(String.init).joined(separator: ", "))) like sequence 0", id: "runtime-error")
        }
        let longest = sequences.map { $0.shape[0] }.max() ?? 0
        return try context.perform {
            let columns = try sequences.map { s -> Tensor in
                let missing = longest - s.shape[0]
                guard missing > 0 else { return s }
                let fill = try Tensor.full([missing] + trailing, padding, dtype: s.dtype)
                return try Tensor.cat(left ? [fill, s] : [s, fill], dim: 0)
            }
            return try Tensor.stack(columns, dim: 1)
        }
    }

    /// A `lengths` argument: a list of ints or a 1-D tensor (whole numbers).
    static func lengthList(_ value: Value, _ interpreter: Interpreter) throws -> [Int] {
        if let t = value.tensorObject?.tensor {
            guard t.ndim == 1 else { throw RuntimeError.value("'lengths' argument should be a 1D tensor, but got a \(t.ndim)D tensor") }
            return t.scalars.map { Int(exactly: $0.rounded(.towardZero)) ?? 0 }
        }
        return try interpreter.collect(value).map { try $0.asInt("pack_padded_sequence() length") }
    }

    /// `input` (T, batch, *) packed with `lengths`, checked as PyTorch checks them.
    static func pack(_ input: Tensor, _ lengths: [Int], enforceSorted: Bool, _ interpreter: Interpreter) throws -> PackedSequenceObject {
        guard input.ndim >= 2 else {
            throw RuntimeError("pack_padded_sequence(): input must have a time and a batch dimension, got shape \(describeShape(input.shape))",
                               id: "runtime-error")
        }
        guard lengths.count == input.shape[1] else {
            throw RuntimeError("Expected `len(lengths)` to be equal to batch_size, but got \(lengths.count) (batch_size=\(input.shape[1]))",
                               id: "runtime-error")
        }
        if enforceSorted, zip(lengths, lengths.dropFirst()).contains(where: { $0 < $1 }) {
            throw RuntimeError("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You can pass "
                               + "`enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this requirement "
                               + "if you do not need ONNX exportability.", id: "runtime-error")
        }
        if lengths.contains(where: { $0 <= 0 }) {
            throw RuntimeError("Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0",
                               id: "runtime-error")
        }
        if let long = lengths.first(where: { $0 > input.shape[0] }) {
            throw RuntimeError("pack_padded_sequence(): a length of \(long) is more than the \(input.shape[0]) steps of the input",
                               id: "runtime-error")
        }
        return PackedSequenceObject(padded: input, lengths: lengths, enforceSorted: enforceSorted, owner: interpreter)
    }

    /// The packed batch as (T, batch, *) with `padding` past each length, T the longest
    /// length or `totalLength`.
    static func unpack(_ packed: PackedSequenceObject, padding: Float, totalLength: Int?, _ context: TensorContext) throws -> Tensor {
        let longest = packed.maxLength
        let steps = totalLength ?? longest
        guard steps >= longest else {
            throw RuntimeError.value("Expected total_length to be at least the length of the longest sequence in input, but got "
                                     + "total_length=\(steps) and max sequence length being \(longest)")
        }
        let x = packed.padded
        let trailing = Array(x.shape.dropFirst(2))
        return try context.perform {
            let valid = try x.index([.slice(start: 0, stop: longest)])
            let mask = try Tensor(bools: (0..<longest).flatMap { t in packed.lengths.map { t < $0 } },
                                  shape: [longest, packed.lengths.count] + trailing.map { _ in 1 })
            let kept = try Tensor.where(mask, valid, Tensor(scalar: padding, dtype: x.dtype))
            guard steps > longest else { return kept }
            return try Tensor.cat([kept, Tensor.full([steps - longest, packed.lengths.count] + trailing, padding, dtype: x.dtype)], dim: 0)
        }
    }
}
