/// How the processor time of some work grows when its input grows `factor` times: about
/// `factor` for linear work, `factor²` for quadratic.
///
/// A test builds the two inputs first, then checks `isLinear`:
/// ```swift
/// let scaling = Scaling(factor: 4, small: { _ = parse(small) }, large: { _ = parse(large) })
/// #expect(scaling.isLinear, "\(scaling)")
/// ```
/// The bound is the geometric mean of the two growths (8× for a 4× input), so linear work
/// passes with room to spare for a noisy measurement and quadratic work fails by as much.
/// The input must be large enough that a quadratic cost would dominate a fixed one: a test
/// shows that by failing when the quadratic path is put back.
public struct Scaling: CustomStringConvertible, Sendable {
    /// How many times larger the large input is.
    public let factor: Double
    /// The CPU times of the large and the small input.
    public let times: CPUTimeRatio

    /// Measures `large` against `small`, each the least of `runs` runs taken in turns.
    public init(factor: Double, runs: Int = 5, small: () -> Void, large: () -> Void) {
        self.factor = factor
        self.times = CPUTimeRatio(runs: runs, of: large, to: small)
    }

    /// The bound between linear and quadratic growth: `factor` to the power 1.5.
    public var bound: Double { factor * factor.squareRoot() }

    /// Whether the time grew by less than `bound`.
    public var isLinear: Bool { times.ratio < bound }

    public var description: String {
        "an input \(CPUTimeRatio.rounded(factor))× larger took \(times) (linear: \(CPUTimeRatio.rounded(factor))×, "
            + "quadratic: \(CPUTimeRatio.rounded(factor * factor))×, bound: \(CPUTimeRatio.rounded(bound))×)"
    }
}
