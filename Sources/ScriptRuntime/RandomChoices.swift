/// `random.choices(population, weights=None, *, cum_weights=None, k=1)`: draws with
/// replacement, by cumulative weights and bisection as Python does.
enum RandomChoices {
    static func build(_ random: Namespace) {
        random.function("choices", Signature("choices", ["population", "weights"], required: 1,
                                             keywordOnly: ["cum_weights", "k"])) { args, interpreter in
            let population = try RandomModule.sequence(args.value("population"), interpreter)
            let k = try args.int("k", 1)
            let weights = args.value("weights")
            let cumulative = args.value("cum_weights")
            if !weights.isNone && !cumulative.isNone {
                throw RuntimeError.type("Cannot specify both weights and cumulative weights")
            }
            let generator = RandomModule.generator(interpreter)
            if weights.isNone && cumulative.isNone {
                if population.isEmpty && k > 0 { throw RuntimeError.index("list index out of range") }
                return .list(ListObject((0..<Swift.max(0, k)).map { _ in
                    population[Swift.min(population.count - 1, Int(generator.nextDouble() * Double(population.count)))]
                }))
            }
            var bounds: [Double]
            if !cumulative.isNone {
                bounds = try interpreter.collect(cumulative).map { try $0.asDouble("choices() cum_weights") }
            } else {
                var total = 0.0
                bounds = try interpreter.collect(weights).map { weight in
                    total += try weight.asDouble("choices() weights")
                    return total
                }
            }
            guard bounds.count == population.count else {
                throw RuntimeError.value("The number of weights does not match the population")
            }
            guard let total = bounds.last, total > 0 else {
                throw RuntimeError.value("Total of weights must be greater than zero")
            }
            guard total.isFinite else { throw RuntimeError.value("Total of weights must be finite") }
            return .list(ListObject((0..<Swift.max(0, k)).map { _ in
                population[bisectRight(bounds, generator.nextDouble() * total, upper: population.count - 1)]
            }))
        }
    }

    /// The first index in `0..<upper` whose bound exceeds `x` (`bisect.bisect_right`), else `upper`.
    static func bisectRight(_ bounds: [Double], _ x: Double, upper: Int) -> Int {
        var (low, high) = (0, upper)
        while low < high {
            let middle = (low + high) / 2
            if x < bounds[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
