import Tensor

/// A `np.random.default_rng(seed)` Generator (`random`, `normal`, `uniform`, `integers`,
/// `choice`, `permutation`, `shuffle`, `standard_normal`, `exponential`, `geometric`) or a
/// legacy `np.random.RandomState(seed)` (np.random's functions, and `seed`), on a generator
/// of its own.
final class NumpyGeneratorObject: NativeObject, SnapshotCopyable {
    let generator: Generator
    /// Whether this is a `RandomState` (legacy names) rather than a `Generator`.
    let legacy: Bool

    static let methods = ["random", "normal", "uniform", "integers", "choice", "permutation", "shuffle",
                          "standard_normal", "exponential", "geometric"]

    init(_ generator: Generator, legacy: Bool = false) {
        self.generator = generator
        self.legacy = legacy
    }

    var typeName: String { legacy ? "RandomState" : "Generator" }
    func repr() -> String { "\(typeName)(xoshiro256**)" }
    var attributeNames: [String] { legacy ? NumpyRandom.legacyNames + ["seed"] : NumpyGeneratorObject.methods }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        if legacy, name == "seed" {
            let args = try Signature("seed", ["seed"]).bind(arguments)
            generator.manualSeed(try NumpyRandom.legacySeed(args))
            return Value.none
        }
        guard attributeNames.contains(name) else { return nil }
        return try NumpySampler(generator: generator, interpreter: interpreter).call(name, arguments)
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        NumpyGeneratorObject(copier.generator(generator), legacy: legacy)
    }
}
