import Analysis
import Neural
import Tensor

extension AnalysisBuiltins {
    static let fixedPointSignature = Signature(
        "find_fixed_points", ["step", "inputs", "initial_states"],
        keywordOnly: ["max_iters", "lr", "tol_q", "tol_dq", "tol_unique", "outlier_distance_scale", "compute_jacobians",
                      "adaptive_lr"])

    /// `find_fixed_points(step, inputs, initial_states, …)`: FPF's joint search.
    static func installFixedPoints(_ registry: inout Registry) {
        registry.function("find_fixed_points", fixedPointSignature) { args, interpreter in
            let context = interpreter.tensors
            let map = try stateMap(args.value("step"), interpreter)
            let inputs = try context.arrayOrTensor(args.value("inputs"), "find_fixed_points() inputs")
            let initial = try context.arrayOrTensor(args.value("initial_states"), "find_fixed_points() initial_states")
            var finder = FixedPointFinder()
            finder.maxIterations = try args.int("max_iters", 5000)
            finder.learningRate = try args.double("lr", 1.0)
            finder.tolQ = try args.double("tol_q", 1e-12)
            finder.tolDq = try args.double("tol_dq", 1e-20)
            finder.tolUnique = try args.double("tol_unique", 1e-3)
            let scale = args.value("outlier_distance_scale", .float(10))
            finder.outlierDistanceScale = scale.isNone ? .infinity : try scale.asDouble("find_fixed_points() outlier_distance_scale")
            finder.computeJacobians = try args.bool("compute_jacobians", true)
            finder.adaptiveLearningRate = try args.bool("adaptive_lr", true)
            let meter = interpreter.meter
            finder.checkpoint = { _ in try meter.checkClock() }
            let points = try analysis { try context.perform { try finder.find(map, initialStates: initial, inputs: inputs) } }
            return .native(FixedPointsObject(points, tolUnique: finder.tolUnique))
        }
    }

    /// The one-step map of a model (its recurrent layer's cell) or of a user `def step(h, u)`.
    static func stateMap(_ value: Value, _ interpreter: Interpreter) throws -> StateMap {
        switch value {
        case .native(let model as ModelObject):
            // A one-layer `nn.GRU(…, batch_first=True)` steps like any other: the layout of
            // sequences does not change the one-step map.
            let single = (model.module as? RecurrentStack).flatMap { $0.layers.count == 1 && !$0.bidirectional ? $0.layers[0] : nil }
            guard let layer = model.recurrentLayer ?? single else {
                throw RuntimeError.type("find_fixed_points(): step must be a recurrent model (RNN, GRU, LSTM, LeakyRNN, RNNNet) or a function step(h, u), not \(model.typeName)")
            }
            return try analysis { try FixedPointFinder.stateMap(of: layer) }
        case .function, .builtin:
            return { [weak interpreter] x, u in
                guard let interpreter else { throw RuntimeError.value("the session of this step function has ended") }
                try interpreter.meter.check()
                let context = interpreter.tensors
                let result = try interpreter.call(value, Arguments([context.wrap(x), context.wrap(u)]))
                return try context.arrayOrTensor(result, "the value returned by step()")
            }
        default:
            throw RuntimeError.type("find_fixed_points(): step must be a recurrent model or a function step(h, u), not \(value.typeName)")
        }
    }
}
