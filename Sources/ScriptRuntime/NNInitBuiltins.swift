import Neural
import Tensor

/// `torch.nn.init`: PyTorch's initialisers, filling a tensor in place (unrecorded, as under
/// `no_grad`) from the session's generator and returning it, with PyTorch's fan and gain
/// rules and messages.
enum NNInitBuiltins {
    /// The global name of the `torch.nn.init` member `name` (not reachable as a bare name).
    static func global(_ name: String) -> String { "torch.nn.init." + name }

    /// The members, for the import table.
    static let names = ["uniform_", "normal_", "constant_", "zeros_", "ones_", "eye_", "xavier_uniform_", "xavier_normal_",
                        "kaiming_uniform_", "kaiming_normal_", "orthogonal_", "calculate_gain"]

    static func install(_ registry: inout Registry) {
        func filler(_ name: String, _ parameters: [String], required: Int = 1,
                    _ values: @escaping (BoundArguments, Tensor, Generator) throws -> [Double]) {
            registry.function(global(name), Signature(name, ["tensor"] + parameters, required: required, keywordOnly: ["generator"])) { args, interpreter in
                if let generator = args["generator"], !generator.isNone {
                    throw RuntimeError.value("\(name)(): generator= is not supported; the session's generator is used (seed it with torch.manual_seed)")
                }
                return try fill(args, interpreter) { try values(args, $0, interpreter.tensors.generator) }
            }
        }
        filler("uniform_", ["a", "b"]) { args, t, g in
            let (low, high) = (try args.double("a", 0), try args.double("b", 1))
            guard low <= high else {
                throw RuntimeError("uniform_ expects to return a [from, to) range, but found from=\(Value.float(low).repr()) "
                                   + "> to=\(Value.float(high).repr())", id: "runtime-error")
            }
            return try uniform(t.count, low: low, high: high, g)
        }
        filler("normal_", ["mean", "std"]) { args, t, g in
            let std = try args.double("std", 1)
            guard std >= 0 else { throw RuntimeError("normal expects std >= 0.0, but found std \(Value.float(std).repr())", id: "runtime-error") }
            return try normal(t.count, mean: try args.double("mean", 0), std: std, g)
        }
        filler("constant_", ["val"], required: 2) { args, t, _ in
            [Double](repeating: try args.double("val", 0), count: t.count)
        }
        filler("zeros_", []) { _, t, _ in [Double](repeating: 0, count: t.count) }
        filler("ones_", []) { _, t, _ in [Double](repeating: 1, count: t.count) }
        filler("eye_", []) { _, t, _ in
            guard t.ndim == 2 else { throw RuntimeError.value("Only tensors with 2 dimensions are supported") }
            return (0..<t.count).map { $0 / t.shape[1] == $0 % t.shape[1] ? 1 : 0 }
        }
        for kind in ["uniform", "normal"] {
            filler("xavier_\(kind)_", ["gain"]) { args, t, g in
                let (fanIn, fanOut) = try fans(t)
                let std = try args.double("gain", 1) * (2 / Double(fanIn + fanOut)).squareRoot()
                return try spread(kind, t.count, std: std, g)
            }
            filler("kaiming_\(kind)_", ["a", "mode", "nonlinearity"]) { args, t, g in
                if t.count == 0 { return [] }
                let mode = try args.string("mode", "fan_in").lowercased()
                guard mode == "fan_in" || mode == "fan_out" else {
                    throw RuntimeError.value("Mode \(mode) not supported, please use one of fan_in, fan_out")
                }
                let (fanIn, fanOut) = try fans(t)
                let gain = try calculateGain(try args.string("nonlinearity", "leaky_relu"), args["a"] ?? .int(0))
                let std = gain / Double(mode == "fan_in" ? fanIn : fanOut).squareRoot()
                return try spread(kind, t.count, std: std, g)
            }
        }
        filler("orthogonal_", ["gain"]) { args, t, g in try orthogonal(t, gain: try args.double("gain", 1), g) }
        registry.function(global("calculate_gain"), Signature("calculate_gain", ["nonlinearity", "param"], required: 1)) { args, _ in
            let name = try args.string("nonlinearity", "")
            if ["linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid"].contains(name) {
                return .int(1)
            }
            return .float(try calculateGain(name, args.value("param")))
        }
    }

    /// Writes `values(tensor)` into the argument tensor in place, unrecorded; returns it.
    static func fill(_ args: BoundArguments, _ interpreter: Interpreter, _ values: (Tensor) throws -> [Double]) throws -> Value {
        let value = args.value("tensor")
        guard let object = value.tensorObject else {
            throw RuntimeError.type("\(args.signature.name)() argument 'tensor' must be a Tensor, not \(value.typeName)")
        }
        try object.checkWritable()
        let tensor = object.tensor
        let filled = try values(tensor)
        guard !filled.isEmpty else { return value }
        let context = interpreter.tensors
        try context.withGrad(false) {
            try context.perform { _ = try tensor.copy_(try Tensor(filled.map { Float($0) }, shape: tensor.shape)) }
        }
        return value
    }

    /// `count` draws from U(low, high).
    static func uniform(_ count: Int, low: Double, high: Double, _ g: Generator) throws -> [Double] {
        (0..<count).map { _ in low + (high - low) * g.nextDouble() }
    }

    /// `count` draws from N(mean, std²).
    static func normal(_ count: Int, mean: Double, std: Double, _ g: Generator) throws -> [Double] {
        (0..<count).map { _ in mean + std * g.nextNormal() }
    }

    /// Draws with standard deviation `std`: U(−√3·std, √3·std) or N(0, std²).
    static func spread(_ kind: String, _ count: Int, std: Double, _ g: Generator) throws -> [Double] {
        let bound = 3.0.squareRoot() * std
        return kind == "uniform" ? try uniform(count, low: -bound, high: bound, g) : try normal(count, mean: 0, std: std, g)
    }

    /// PyTorch's `_calculate_fan_in_and_fan_out`: fan_in = size(1)·receptive field,
    /// fan_out = size(0)·receptive field.
    static func fans(_ t: Tensor) throws -> (fanIn: Int, fanOut: Int) {
        guard t.ndim >= 2 else {
            throw RuntimeError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        // With no elements every fan is 0 (and the product below could overflow).
        guard t.count > 0 else { return (0, 0) }
        let receptive = t.shape.dropFirst(2).reduce(1, *)
        return (t.shape[1] * receptive, t.shape[0] * receptive)
    }

    /// PyTorch's `calculate_gain` for a nonlinearity (leaky_relu's slope from `param`).
    static func calculateGain(_ name: String, _ param: Value) throws -> Double {
        switch name {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid": return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "selu": return 3.0 / 4
        case "leaky_relu":
            let slope: Double
            switch param {
            case .none: slope = 0.01
            case .int(let i): slope = Double(i)
            case .float(let d): slope = d
            default: throw RuntimeError.value("negative_slope \(param.repr()) not a valid number")
            }
            return (2.0 / (1 + slope * slope)).squareRoot()
        default:
            throw RuntimeError.value("Unsupported nonlinearity \(name)")
        }
    }

    /// PyTorch's `orthogonal_`: Q of the QR of a (rows, numel/rows) normal matrix (transposed
    /// when wider than tall), with R's diagonal made positive, times `gain`.
    static func orthogonal(_ t: Tensor, gain: Double, _ g: Generator) throws -> [Double] {
        guard t.ndim >= 2 else { throw RuntimeError.value("Only tensors with 2 or more dimensions are supported") }
        guard t.count > 0 else { return [] }
        let rows = t.shape[0]
        let columns = t.count / rows
        let draws = try normal(t.count, mean: 0, std: 1, g)
        let wide = rows < columns
        let (n, m) = wide ? (columns, rows) : (rows, columns)
        // The tall matrix to factor: the draws, or their transpose when wide.
        let tall = wide ? (0..<n * m).map { draws[($0 % m) * columns + $0 / m] } : draws
        let q = Orthogonal.q(tall, rows: n, columns: m)
        let result = wide ? (0..<rows * columns).map { q[($0 % columns) * m + $0 / columns] } : q
        return result.map { $0 * gain }
    }
}
