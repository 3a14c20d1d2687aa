import Foundation
import Tensor

/// `np.random`: the legacy functions on one per-session generator (seeded from the notebook
/// seed, reseeded by `np.random.seed`), `RandomState(seed)` objects with the same functions,
/// and `default_rng(seed)` Generators.
enum NumpyRandom {
    /// Mixed into seeds so that numpy's streams differ from torch's for the same seed.
    static let legacySalt: UInt64 = 0x6E75_6D70_795F_6C67
    static let generatorSalt: UInt64 = 0x6E75_6D70_795F_726E

    static let legacyNames = ["random", "random_sample", "rand", "randn", "uniform", "normal", "randint", "choice",
                              "permutation", "shuffle", "geometric", "exponential", "standard_normal"]

    static func install(_ random: Namespace) {
        for name in legacyNames {
            random.value(name, .builtin(BuiltinFunction(name: "numpy.random.\(name)") { arguments, interpreter in
                try NumpySampler(generator: interpreter.numpyRandom.generator, interpreter: interpreter).call(name, arguments)
            }))
        }
        random.function("seed", Signature("seed", ["seed"])) { args, interpreter in
            interpreter.numpyRandom.generator.manualSeed(try legacySeed(args))
            return .none
        }
        random.function("RandomState", Signature("RandomState", ["seed"], required: 0)) { args, interpreter in
            // numpy seeds an unseeded RandomState from the OS; here from the session's stream.
            let seed = args.value("seed").isNone ? interpreter.numpyRandom.generator.nextUInt64() : try legacySeed(args)
            return .native(NumpyGeneratorObject(Generator(seed: seed), legacy: true))
        }
        random.function("default_rng", Signature("default_rng", ["seed"], required: 0)) { args, interpreter in
            let seed: UInt64
            if let given = args["seed"], !given.isNone {
                let value = try given.asInt(args.what("seed"))
                guard value >= 0 else { throw RuntimeError.value("expected non-negative integer") }
                seed = UInt64(value) ^ generatorSalt
            } else {
                // numpy seeds from the OS; here from the session's stream, so runs repeat.
                seed = interpreter.numpyRandom.generator.nextUInt64()
            }
            return .native(NumpyGeneratorObject(Generator(seed: seed)))
        }
    }
}

extension NumpyRandom {
    /// A legacy seed (`np.random.seed`, `RandomState`): numpy's range check, then salted.
    static func legacySeed(_ args: BoundArguments) throws -> UInt64 {
        let seed = try args.int("seed", 0)
        guard seed >= 0, seed < 1 << 32 else { throw RuntimeError.value("Seed must be between 0 and 2**32 - 1") }
        return UInt64(seed) ^ legacySalt
    }
}

/// The per-session state of `np.random`: its generator, copied by snapshots.
final class NumpyRandomState: SnapshotState {
    let generator: Generator

    init(_ generator: Generator) {
        self.generator = generator
    }

    func snapshotCopy() -> AnyObject { NumpyRandomState(generator.copy()) }
}

extension Interpreter {
    /// The session's `np.random` state, seeded from the notebook seed on first use.
    var numpyRandom: NumpyRandomState {
        state(NumpyRandomState.self) { NumpyRandomState(Generator(seed: seed ^ NumpyRandom.legacySalt)) }
    }
}
