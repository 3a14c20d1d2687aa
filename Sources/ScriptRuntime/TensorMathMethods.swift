import Tensor

/// Tensor methods added for the labs' PyTorch code: splitting (`chunk`, `split`), scans
/// (`cumsum`, `cumprod`, `diff`), order (`sort`, `argsort`, `topk`, `median`, `quantile`),
/// picking and reordering (`gather`, `flip`, `roll`, `nonzero`, `where`), and reductions
/// (`prod`, `amax`, `amin`, `norm`, `dist`). Each has PyTorch's parameters; the functions
/// `torch.sort(x, …)` and the others call these methods.
extension TensorObject {
    /// The method names this file and `ElementwiseFunction` add.
    static let mathMethodNames = [
        "chunk", "split", "cumsum", "cumprod", "diff", "nonzero", "sort", "argsort", "median", "quantile", "flip",
        "fliplr", "flipud", "roll", "gather", "topk", "prod", "amax", "amin", "dist", "where", "ceil", "isnan", "isinf",
        "isfinite", "atan2", "arctan2", "sin", "cos", "tan", "asin", "acos", "atan", "arcsin", "arccos", "arctan", "sinh",
        "cosh", "log10", "log2", "log1p", "expm1", "square", "reciprocal",
    ]

    /// The methods above that are not elementwise; nil for any other name.
    func mathMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        if let result = try pieceMethod(name, arguments) { return result }
        if let result = try orderMethod(name, arguments) { return result }
        return try extremeMethod(name, arguments)
    }

    /// `chunk`, `split`, `cumsum`, `cumprod`, `diff`, `flip`, `roll`, `gather`, `where`.
    private func pieceMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "chunk":
            let a = try bind(name, arguments, ["chunks", "dim"], required: 1)
            let (chunks, d) = (try a.int("chunks", 1), try a.int("dim", 0))
            return try context.perform { .tuple(try tensor.chunk(chunks, dim: d).map(wrapViewCopy)) }
        case "split":
            let a = try bind(name, arguments, ["split_size_or_sections", "dim"], required: 1)
            let d = try a.int("dim", 0)
            let sizes = a.value("split_size_or_sections")
            if let items = TensorValues.sequence(sizes) {
                let list = try items.map { try $0.asInt("split() split_size_or_sections item") }
                return try context.perform { .tuple(try tensor.split(sizes: list, dim: d).map(wrapViewCopy)) }
            }
            let size = try sizes.asInt("split() argument 'split_size_or_sections'")
            return try context.perform { .tuple(try tensor.split(size: size, dim: d).map(wrapViewCopy)) }
        case "cumsum", "cumprod":
            let a = try bind(name, arguments, ["dim"], required: 1, keywordOnly: ["dtype"])
            let d = try a.int("dim", 0)
            let dtype = try TensorValues.dtype(a["dtype"], "\(name)() argument 'dtype'")
            return try context.perform {
                let x = try dtype.map { try TensorBuiltins.convert(tensor, $0) } ?? tensor
                return wrap(name == "cumsum" ? try x.cumsum(dim: d) : try x.cumprod(dim: d))
            }
        case "diff":
            let a = try bind(name, arguments, ["n", "dim", "prepend", "append"])
            let (n, d) = (try a.int("n", 1), try a.int("dim", -1))
            let prepend = try optionalTensor(a, "prepend")
            let append = try optionalTensor(a, "append")
            return try context.perform { wrap(try tensor.diff(n: n, dim: d, prepend: prepend, append: append)) }
        case "flip":
            let a = try bind(name, arguments, keywordOnly: ["dims"], variadic: true)
            let dims = try TensorValues.shape(a["dims"].map { [$0] } ?? a.rest, "flip() dims")
            return try context.perform { wrap(try tensor.flip(dims)) }
        case "fliplr", "flipud":
            _ = try bind(name, arguments)
            let needed = name == "fliplr" ? 2 : 1
            guard tensor.ndim >= needed else {
                throw RuntimeError("\(name): input tensor must be at least \(needed)-D, got \(tensor.ndim)-D", id: "tensor-error")
            }
            return try context.perform { wrap(try tensor.flip([name == "fliplr" ? 1 : 0])) }
        case "roll":
            let a = try bind(name, arguments, ["shifts", "dims"], required: 1)
            let shifts = try TensorValues.shape([a.value("shifts")], "roll() shifts")
            let dims = try TensorValues.dims(a["dims"], "roll() argument 'dims'") ?? []
            return try context.perform { wrap(try tensor.roll(shifts, dims: dims)) }
        case "gather":
            let a = try bind(name, arguments, ["dim", "index"], required: 2, keywordOnly: ["sparse_grad"])
            let d = try a.int("dim", 0)
            let index = try context.tensor(a, "index")
            return try context.perform { wrap(try tensor.gather(dim: d, index: index)) }
        case "where":
            let a = try bind(name, arguments, ["condition", "y"], required: 2)
            let condition = try context.tensor(a, "condition")
            let other = try context.tensor(a, "y")
            return try context.perform { wrap(try Tensor.where(condition.bool(), tensor, other)) }
        default:
            return nil
        }
    }

    /// `sort`, `argsort`, `topk`, `median`, `quantile`, `nonzero`.
    private func orderMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "sort", "argsort":
            // Sorting is always stable here, so `stable=` is honoured whatever it says.
            let a = try bind(name, arguments, ["dim", "descending"], keywordOnly: ["stable"])
            let (d, descending) = (try a.int("dim", -1), try a.bool("descending", false))
            if name == "argsort" { return try context.perform { wrap(try tensor.argsort(dim: d, descending: descending)) } }
            let (values, indices) = try context.perform { try tensor.sort(dim: d, descending: descending) }
            return .native(ValuesIndicesObject(name: "sort", values: wrap(values), indices: wrap(indices)))
        case "topk":
            // Results are always sorted, which `sorted=False` (any order) allows.
            let a = try bind(name, arguments, ["k", "dim", "largest", "sorted"], required: 1)
            let (k, d, largest) = (try a.int("k", 1), try a.int("dim", -1), try a.bool("largest", true))
            let (values, indices) = try context.perform { try tensor.topk(k, dim: d, largest: largest) }
            return .native(ValuesIndicesObject(name: "topk", values: wrap(values), indices: wrap(indices)))
        case "median":
            let a = try bind(name, arguments, ["dim", "keepdim"])
            guard let dimValue = a["dim"], !dimValue.isNone else { return try context.perform { wrap(try tensor.median()) } }
            let d = try dimValue.asInt("median() argument 'dim'")
            let keep = try a.bool("keepdim", false)
            let (values, indices) = try context.perform { try tensor.median(dim: d, keepdim: keep) }
            return .native(ValuesIndicesObject(name: "median", values: wrap(values), indices: wrap(indices)))
        case "quantile":
            let a = try bind(name, arguments, ["q", "dim", "keepdim"], required: 1, keywordOnly: ["interpolation"])
            let q = try context.tensor(a, "q")
            guard q.ndim <= 1 else {
                throw RuntimeError("quantile() q must be a scalar or 1D tensor", id: "tensor-error")
            }
            let d: Int? = try a["dim"].flatMap { $0.isNone ? nil : try $0.asInt("quantile() argument 'dim'") }
            let keep = try a.bool("keepdim", false)
            let interpolation = try a.string("interpolation", "linear")
            return try context.perform {
                wrap(try tensor.quantile(q.scalars, qIsTensor: q.ndim == 1, dim: d, keepdim: keep, interpolation: interpolation))
            }
        case "nonzero":
            let asTuple = try bind(name, arguments, keywordOnly: ["as_tuple"]).bool("as_tuple", false)
            if asTuple { return try context.perform { .tuple(try tensor.nonzeroTuple().map(wrap)) } }
            return try context.perform { wrap(try tensor.nonzero()) }
        default:
            return nil
        }
    }

    /// `prod`, `amax`, `amin`, `dist`.
    private func extremeMethod(_ name: String, _ arguments: Arguments) throws -> Value? {
        let context = self.context
        switch name {
        case "prod":
            let a = try bind(name, arguments, ["dim", "keepdim"], keywordOnly: ["dtype"])
            let d: Int? = try a["dim"].flatMap { $0.isNone ? nil : try $0.asInt("prod() argument 'dim'") }
            let keep = try a.bool("keepdim", false)
            let dtype = try TensorValues.dtype(a["dtype"], "prod() argument 'dtype'")
            return try context.perform {
                let x = try dtype.map { try TensorBuiltins.convert(tensor, $0) } ?? tensor
                return wrap(try x.prod(dim: d, keepdim: keep))
            }
        case "amax", "amin":
            let a = try bind(name, arguments, ["dim", "keepdim"])
            var dims = try TensorValues.dims(a["dim"], "\(name)() argument 'dim'")
            if dims?.isEmpty ?? false { dims = nil }
            let keep = try a.bool("keepdim", false)
            return try context.perform {
                wrap(name == "amax" ? try tensor.amax(dims: dims, keepdim: keep) : try tensor.amin(dims: dims, keepdim: keep))
            }
        case "dist":
            let a = try bind(name, arguments, ["other", "p"], required: 1)
            let other = try context.tensor(a, "other")
            let p = Float(try a.double("p", 2))
            return try context.perform { wrap(try tensor.sub(other).norm(p: p).labelled("DistBackward0", inputs: [tensor, other])) }
        default:
            return nil
        }
    }

    /// A tensor argument that may be None or absent.
    private func optionalTensor(_ a: BoundArguments, _ name: String) throws -> Tensor? {
        guard let value = a[name], !value.isNone else { return nil }
        return try context.tensor(value, a.torchArgument(name))
    }
}
