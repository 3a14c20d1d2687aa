import Foundation
import Tensor

/// Python's `random` module over the session's own generator, seeded from the notebook's
/// seed, so that every run of a notebook draws the same numbers; `random.seed(n)` restarts it.
///
/// The generator is xoshiro256** (the engine's `Generator`), not CPython's Mersenne Twister:
/// the same seed gives other numbers than CPython, but the same ones on every run and
/// machine. The stream is separate from `torch.manual_seed`'s. `random.seed()` without a
/// seed is refused (it would draw from the operating system, unrepeatable).
enum RandomModule {
    /// The module's per-session state: its generator.
    final class State: SnapshotState {
        let generator: Generator

        init(_ generator: Generator) {
            self.generator = generator
        }

        func snapshotCopy() -> AnyObject { State(generator.copy()) }
    }

    /// Keeps this module's stream apart from the tensor generator seeded with the same seed.
    static func streamSeed(_ seed: UInt64) -> UInt64 { seed ^ 0x7261_6E64_6F6D_2E70 }

    static func generator(_ interpreter: Interpreter) -> Generator {
        interpreter.state(State.self) { State(Generator(seed: streamSeed(interpreter.seed))) }.generator
    }

    /// A uniform int in `0..<bound` (bound > 0).
    static func below(_ bound: Int, _ interpreter: Interpreter) -> Int {
        Int(generator(interpreter).nextInt(below: UInt64(bound)))
    }

    static func build(_ random: Namespace) {
        random.function("seed", Signature("seed", ["a"], required: 0)) { args, interpreter in
            let seed: UInt64
            switch args.value("a") {
            case .none:
                throw RuntimeError.value("random.seed() needs a seed here (e.g. random.seed(0)): notebooks are reproducible, "
                                         + "and the session is already seeded from the notebook's seed")
            case .int(let n): seed = UInt64(bitPattern: Int64(n))
            case .bool(let b): seed = b ? 1 : 0
            case .float(let d): seed = UInt64(bitPattern: Int64(PythonHash.double(d)))
            case .str(let s): seed = UInt64(bitPattern: Int64(PythonHash.string(s)))
            case let other: throw RuntimeError.type("the only supported seed types are: None, int, float, str (not \(other.typeName))")
            }
            generator(interpreter).manualSeed(streamSeed(seed))
            return .none
        }
        random.function("random", Signature("random")) { _, interpreter in .float(generator(interpreter).nextDouble()) }
        random.function("uniform", Signature("uniform", ["a", "b"])) { args, interpreter in
            let a = try args.double("a", 0)
            let b = try args.double("b", 0)
            return .float(a + (b - a) * generator(interpreter).nextDouble())
        }
        for name in ["gauss", "normalvariate"] {
            random.function(name, Signature(name, ["mu", "sigma"], required: 0)) { args, interpreter in
                let mu = try args.double("mu", 0)
                let sigma = try args.double("sigma", 1)
                return .float(mu + sigma * generator(interpreter).nextNormal())
            }
        }
        random.function("expovariate", Signature("expovariate", ["lambd"], required: 0)) { args, interpreter in
            let rate = try args.double("lambd", 1)
            if rate == 0 { throw RuntimeError.zeroDivision("float division by zero") }
            return .float(-Foundation.log(1 - generator(interpreter).nextDouble()) / rate)
        }
        random.function("randint", Signature("randint", ["a", "b"])) { args, interpreter in
            try randrange(try args.int("a", 0), try args.int("b", 0).addingReportingOverflow(1).partialValue, 1, interpreter)
        }
        random.function("randrange", Signature("randrange", ["start", "stop", "step"], required: 1)) { args, interpreter in
            guard let stop = args["stop"], !stop.isNone else { return try randrange(0, try args.int("start", 0), 1, interpreter) }
            return try randrange(try args.int("start", 0), try stop.asInt("randrange() argument 'stop'"), try args.int("step", 1), interpreter)
        }
        random.function("choice", Signature("choice", ["seq"])) { args, interpreter in
            let items = try sequence(args.value("seq"), interpreter)
            if items.isEmpty { throw RuntimeError.index("Cannot choose from an empty sequence") }
            return items[below(items.count, interpreter)]
        }
        random.function("shuffle", Signature("shuffle", ["x"])) { args, interpreter in
            let value = args.value("x")
            guard case .list(let list) = value else {
                throw RuntimeError.type("'\(value.typeName)' object does not support item assignment")
            }
            var i = list.items.count - 1
            while i > 0 {
                list.items.swapAt(i, below(i + 1, interpreter))
                i -= 1
            }
            return .none
        }
        random.function("sample", Signature("sample", ["population", "k"], keywordOnly: ["counts"])) { args, interpreter in
            if let counts = args["counts"], !counts.isNone {
                throw RuntimeError.type("random.sample(counts=...) is not supported; repeat the items in the population instead")
            }
            var pool = try sequence(args.value("population"), interpreter)
            let k = try args.int("k", 0)
            guard k >= 0, k <= pool.count else { throw RuntimeError.value("Sample larger than population or is negative") }
            var picked: [Value] = []
            for i in 0..<k {
                let j = i + below(pool.count - i, interpreter)
                pool.swapAt(i, j)
                picked.append(pool[i])
            }
            return .list(ListObject(picked))
        }
        RandomChoices.build(random)
    }

    /// A population: a sequence (sets and dicts are refused, as in Python, since their order
    /// is not an index order).
    static func sequence(_ value: Value, _ interpreter: Interpreter) throws -> [Value] {
        switch value {
        case .dict, .native(is SetObject):
            throw RuntimeError.type("Population must be a sequence.  For dicts or sets, use sorted(d).")
        default:
            return try interpreter.collect(value)
        }
    }

    /// `randrange(start, stop, step)`.
    static func randrange(_ start: Int, _ stop: Int, _ step: Int, _ interpreter: Interpreter) throws -> Value {
        if step == 0 { throw RuntimeError.value("zero step for randrange()") }
        if step == Int.min { throw RuntimeError.overflow("randrange", hint: nil) }
        let span = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if span.overflow { throw RuntimeError.overflow("randrange", hint: nil) }
        let count = span.partialValue <= 0 ? 0 : (span.partialValue - 1) / Swift.abs(step) + 1
        if count <= 0 { throw RuntimeError.value("empty range for randrange() (\(start), \(stop), \(stop - start))") }
        return .int(start + step * below(count, interpreter))
    }
}
