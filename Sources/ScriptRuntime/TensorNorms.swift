import Tensor

/// `torch.norm`, `x.norm`, `torch.dist` and the `torch.linalg` module (`norm`,
/// `vector_norm`, `matrix_norm`), with PyTorch's rules for `p`/`ord` and `dim`.
enum TensorNorms {
    /// A norm order: Frobenius, nuclear, or a number (±inf included).
    enum Order {
        case fro, nuc
        case number(Float)

        /// The `ord` text of `Tensor.matrixNorm`.
        var matrixName: String {
            switch self {
            case .fro: "fro"
            case .nuc: "nuc"
            case .number(let p):
                p.isInfinite ? (p > 0 ? "inf" : "-inf") : (p == p.rounded() && Swift.abs(p) < 1e9 ? String(Int(p)) : "\(p)")
            }
        }
    }

    /// A `p=`/`ord=` argument: "fro", "nuc" or a number; `fallback` when None or absent.
    static func order(_ value: Value?, what: String, fallback: Order?) throws -> Order? {
        guard let value, !value.isNone else { return fallback }
        if case .str(let name) = value {
            switch name {
            case "fro": return .fro
            case "nuc": return .nuc
            default: throw RuntimeError.value("\(what): unknown norm '\(name)' (expected 'fro', 'nuc' or a number)")
            }
        }
        return .number(Float(try value.asDouble(what)))
    }

    /// `torch.norm(input, p, dim, keepdim)`: a number is a vector norm over `dims`; "fro"
    /// is the 2-norm over them; "nuc" is a matrix norm.
    static func norm(_ t: Tensor, _ p: Order, dims: [Int]?, keepdim: Bool) throws -> Tensor {
        switch p {
        case .number(let value): return try t.norm(p: value, dims: dims, keepdim: keepdim)
        case .fro where (dims?.count ?? 0) <= 2: return try t.norm(p: 2, dims: dims, keepdim: keepdim)
        default:
            let pair = dims ?? Array(0..<t.ndim)
            guard pair.count == 2 else { throw TensorError("norm: a matrix norm needs 2 dims, got \(pair)") }
            return try t.matrixNorm(ord: p.matrixName, dims: (pair[0], pair[1]), keepdim: keepdim)
        }
    }

    /// The `torch.linalg` module.
    static func linalg() -> Namespace {
        let module = Namespace(name: "torch.linalg")
        module.function("norm", Signature("norm", ["A", "ord", "dim", "keepdim"], required: 1)) {
            args, interpreter in
            let context = interpreter.tensors
            let a = try context.tensor(args.value("A"), "linalg.norm() argument 'A'")
            let ord = try order(args["ord"], what: "linalg.norm() argument 'ord'", fallback: nil)
            let dims = try TensorValues.dims(args["dim"], "linalg.norm() argument 'dim'")
            let keep = try args.bool("keepdim", false)
            return try context.perform { context.wrap(try linalgNorm(a, ord, dims: dims, keepdim: keep)) }
        }
        module.function("vector_norm", Signature("vector_norm", ["x", "ord", "dim", "keepdim"], required: 1)) {
            args, interpreter in
            let context = interpreter.tensors
            let x = try context.tensor(args.value("x"), "linalg.vector_norm() argument 'x'")
            let p = Float(try args.double("ord", 2))
            let dims = try TensorValues.dims(args["dim"], "linalg.vector_norm() argument 'dim'")
            let keep = try args.bool("keepdim", false)
            return try context.perform { context.wrap(try x.norm(p: p, dims: dims, keepdim: keep)) }
        }
        module.function("matrix_norm", Signature("matrix_norm", ["A", "ord", "dim", "keepdim"], required: 1)) {
            args, interpreter in
            let context = interpreter.tensors
            let a = try context.tensor(args.value("A"), "linalg.matrix_norm() argument 'A'")
            let ord = try order(args["ord"], what: "linalg.matrix_norm() argument 'ord'", fallback: .fro) ?? .fro
            let dims = try TensorValues.dims(args["dim"], "linalg.matrix_norm() argument 'dim'") ?? [-2, -1]
            guard dims.count == 2 else { throw RuntimeError.value("linalg.matrix_norm: dim must be a 2-tuple. Got \(dims)") }
            let keep = try args.bool("keepdim", false)
            return try context.perform { context.wrap(try a.matrixNorm(ord: ord.matrixName, dims: (dims[0], dims[1]), keepdim: keep)) }
        }
        return module
    }

    /// `torch.linalg.norm`: with no `ord`, the 2-norm of the flattened tensor (or over one
    /// dim) or the Frobenius norm over two; with `ord`, a vector norm over one dim (or a
    /// 1-D input), a matrix norm over two (or a 2-D input).
    static func linalgNorm(_ a: Tensor, _ ord: Order?, dims: [Int]?, keepdim: Bool) throws -> Tensor {
        var dims = dims
        if dims == nil, ord != nil {
            guard a.ndim == 1 || a.ndim == 2 else {
                throw TensorError("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got \(a.ndim)D.")
            }
            dims = Array(0..<a.ndim)
        }
        guard let dims else { return try a.norm(p: 2, keepdim: keepdim) }
        switch (dims.count, ord) {
        case (1, nil): return try a.norm(p: 2, dims: dims, keepdim: keepdim)
        case (1, .number(let p)?): return try a.norm(p: p, dims: dims, keepdim: keepdim)
        case (1, _): throw TensorError("linalg.vector_norm: ord must be a number for a vector norm, got '\(ord?.matrixName ?? "")'")
        case (2, _): return try a.matrixNorm(ord: (ord ?? .fro).matrixName, dims: (dims[0], dims[1]), keepdim: keepdim)
        default: throw TensorError("linalg.norm: If dim is specified, it must be of length 1 or 2. Got \(dims)")
        }
    }
}
