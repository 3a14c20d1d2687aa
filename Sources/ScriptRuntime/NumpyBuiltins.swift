import Foundation
import Tensor

/// `import numpy as np`: numpy's names over the engine's tensors (docs/numpy.md). Arrays are
/// tensors; each function computes in Double with numpy's semantics (`axis=`, `ddof=0`,
/// linear percentiles, half-to-even rounding) and gives a tensor back, or a Python number
/// where numpy gives a scalar. Unknown names are refused as unavailable, with a suggestion.
///
/// The functions are spread over NumpyCreation, NumpyMath, NumpyReductions, NumpyShape,
/// NumpyOrder, NumpyLinalg and NumpyRandom; ImportBuiltins adds these modules to its table.
enum NumpyBuiltins {
    /// The numpy modules and the scipy / sklearn helpers built on them, by import name.
    static func modules() -> [String: Namespace] {
        let np = Namespace(name: "numpy", unavailable: "numpy function")
        let random = Namespace(name: "numpy.random", unavailable: "numpy.random function")
        let linalg = Namespace(name: "numpy.linalg", unavailable: "numpy.linalg function")
        installConstants(np)
        installCreation(np)
        installMath(np)
        installReductions(np)
        installStatistics(np)
        installShape(np)
        installOrder(np)
        SearchSorted.install(numpy: np)
        installLinalg(np, linalg)
        NumpyRandom.install(random)
        np.value("random", .native(random))
        np.value("linalg", .native(linalg))
        var modules = ["numpy": np, "numpy.random": random, "numpy.linalg": linalg]
        for (name, module) in ScienceBuiltins.modules() { modules[name] = module }
        return modules
    }

    /// `np.pi`, `np.e`, `np.inf`, `np.nan`, `np.newaxis` and the dtypes.
    static func installConstants(_ np: Namespace) {
        np.value("pi", .float(Double.pi))
        np.value("e", .float(M_E))
        np.value("inf", .float(Double.infinity))
        np.value("nan", .float(Double.nan))
        np.value("newaxis", .none)
        for (name, dtype) in NumpyDType.names { np.value(name, .native(NumpyDType(name: name, dtype: dtype))) }
    }
}

extension BoundArguments {
    /// The argument `name` as an array.
    func array(_ name: String) throws -> NDArray {
        try NDArray.from(value(name), what(name))
    }

    /// An `axis=` argument: nil for None, else one int (a tuple of axes is refused).
    func axis(_ name: String = "axis") throws -> Int? {
        guard let value = self[name], !value.isNone else { return nil }
        if TensorValues.sequence(value) != nil {
            throw RuntimeError.type("\(what(name)): a tuple of axes is not available in rnnbook; reduce one axis at a time")
        }
        return try value.asInt(what(name))
    }

    /// A `dtype=` argument in numpy's spellings, nil when not given.
    func numpyDType(_ name: String = "dtype") throws -> DType? {
        guard let value = self[name], !value.isNone else { return nil }
        return try NumpyDType.dtype(value, what(name))
    }
}

extension Namespace {
    /// A numpy module: a missing member is reported as unavailable in rnnbook.
    convenience init(name: String, unavailable: String) {
        self.init(name: name)
        self.unavailable = unavailable
    }

    /// Adds a function whose body gets the session's tensor context.
    func numpy(_ member: String, _ parameters: [String], required: Int? = nil, keywordOnly: [String] = [],
               _ body: @escaping (BoundArguments, TensorContext) throws -> Value) {
        function(member, Signature(member, parameters, required: required, keywordOnly: keywordOnly)) { args, interpreter in
            try body(args, interpreter.tensors)
        }
    }
}

extension NumpyBuiltins {
    /// `torch.from_numpy(a)`: the array's tensor, sharing its memory as in PyTorch, whose
    /// methods are PyTorch's again. Anything but a numpy array is PyTorch's TypeError (a
    /// tensor too: `torch.from_numpy(torch.ones(2))` is `expected np.ndarray (got Tensor)`).
    static var fromNumpy: Value {
        .builtin(BuiltinFunction(name: "from_numpy") { arguments, interpreter in
            let args = try Signature("from_numpy", ["ndarray"]).bind(arguments)
            let a = args.value("ndarray")
            guard let object = a.tensorObject, object.isNumpyArray else {
                let type = a.tensorObject?.isParameter == true ? "Parameter" : a.typeName
                throw RuntimeError.type("expected np.ndarray (got \(type))")
            }
            return interpreter.tensors.wrap(object.tensor)
        })
    }
}
