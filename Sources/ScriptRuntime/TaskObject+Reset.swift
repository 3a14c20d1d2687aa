import Tasks
import Tensor

/// neurogym's `env.reset(…)` on `PerceptualDecisionMaking`, as the Lab 1 tutorial calls it
/// before testing the network (`env.reset(no_step=True)`).
///
/// neurogym's `TrialEnv.reset` starts a new trial and then either takes one step with a random
/// action and gives its observation, or, with `no_step`, gives a sample of the observation
/// space. The task here has no `step()`, so only `no_step` is there: the old keyword
/// (`reset(no_step=True)`, the tutorial's neurogym, giving the sample) and gymnasium's options
/// (`reset(options={'no_step': True})`, current neurogym, giving `(sample, {})`). The sample
/// is what gym's `Box.sample()` draws for an unbounded box, a standard normal per channel,
/// float32, drawn from the session's `np.random` stream (gym's spaces draw from numpy), so
/// the task's trials are the same whether or not it is called.
extension TaskObject {
    func reset(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let args = try Signature("reset", [], keywordOnly: ["seed", "options", "step_fn", "no_step"]).bind(arguments)
        if let seed = args["seed"], !seed.isNone {
            throw RuntimeError.value("reset(): seed= is not available in rnnbook: the task draws from the session's "
                                     + "generator; call manual_seed(n) before it instead")
        }
        var options: DictObject?
        if let given = args["options"], !given.isNone {
            guard case .dict(let dict) = given else {
                throw RuntimeError.type("reset() argument 'options' must be a dict, not \(given.typeName)")
            }
            options = dict
        }
        let stepFunction = try options.flatMap { try $0.get(HashKey(.str("step_fn"))) } ?? args["step_fn"]
        let noStep = try options.flatMap { try $0.get(HashKey(.str("no_step"))) } ?? args["no_step"]
        let stepless = try noStep?.truthy() ?? false
        guard stepless, stepFunction?.isNone ?? true else {
            throw RuntimeError.value("reset(): neurogym's reset takes a first step, and rnnbook's tasks have no step(); "
                                     + "write env.reset(no_step=True), or env.new_trial() to start a trial")
        }
        _ = try TaskBuiltins.converting { try task.newTrial() }
        let generator = interpreter.numpyRandom.generator
        let sample = (0..<task.observationSize).map { _ in Float(generator.nextNormal()) }
        let context = interpreter.tensors
        let array = NDArray.numpyArray(try context.perform { try Tensor(sample, shape: [sample.count]) }, context)
        return options == nil ? array : .tuple([array, .dict(DictObject())])
    }
}
