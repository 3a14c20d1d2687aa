import Tensor

/// `random.Random(seed)`: a generator of its own, with the module's methods (`random`,
/// `randint`, `choice`, `shuffle`, `gauss`, `seed`, …). `Random(n)` draws what the module
/// draws after `random.seed(n)`.
final class RandomObject: NativeObject {
    let generator: Generator
    private let methods: Namespace

    init(_ generator: Generator) {
        self.generator = generator
        let methods = Namespace(name: "Random")
        RandomModule.install(methods) { _ in generator }
        methods.function("seed", Signature("seed", ["a"], required: 0)) { args, interpreter in
            generator.manualSeed(try RandomModule.seed(args.value("a"), "Random.seed()", interpreter))
            return .none
        }
        self.methods = methods
    }

    var typeName: String { "Random" }
    func repr() -> String { "<random.Random object>" }
    var attributeNames: [String] { methods.attributeNames }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? { methods.members[name] }
}

extension RandomObject: SnapshotCopyable {
    func snapshotCopy(_ copier: SnapshotCopier) throws -> any NativeObject {
        RandomObject(copier.generator(generator))
    }
}
