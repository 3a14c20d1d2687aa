import Tensor

/// A `np.random.default_rng(seed)` Generator: `random`, `normal`, `uniform`, `integers`,
/// `choice`, `permutation`, `shuffle`, `standard_normal`, `exponential`, `geometric`.
final class NumpyGeneratorObject: NativeObject, SnapshotCopyable {
    let generator: Generator

    static let methods = ["random", "normal", "uniform", "integers", "choice", "permutation", "shuffle",
                          "standard_normal", "exponential", "geometric"]

    init(_ generator: Generator) {
        self.generator = generator
    }

    var typeName: String { "Generator" }
    func repr() -> String { "Generator(xoshiro256**)" }
    var attributeNames: [String] { NumpyGeneratorObject.methods }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        guard NumpyGeneratorObject.methods.contains(name) else { return nil }
        return try NumpySampler(generator: generator, interpreter: interpreter).call(name, arguments)
    }

    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        NumpyGeneratorObject(copier.generator(generator))
    }
}
