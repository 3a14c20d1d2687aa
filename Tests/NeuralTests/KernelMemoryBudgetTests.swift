import Neural
import Testing
import Tensor
import EngineTestSupport

/// What the fused kernels keep or copy at the input's size (a GRU's saved gates, 4H per row
/// and step; an LSTM's gates and cells; an RNN's activations) counts against the session's
/// tensor budget as tensors do: a sequence whose states fit but whose kept values do not is
/// an error the notebook can catch, never a stop, and the budget gets everything back.
@Suite struct KernelMemoryBudgetTests {
    /// Steps × batch × hidden of the test sequence: the states (4,800 elements) fit in the
    /// budget below, what a kernel keeps beside them (4× for a GRU) does not.
    static let (steps, batch, hidden) = (30, 10, 16)
    /// Room for the weights, the input and the states, not for the kept values.
    static let limit = 14_000

    /// Runs `body` under a small budget and checks it throws a `TensorError` naming `op`
    /// and the sequence, and that the budget holds only what it held before.
    func expectRefused(_ op: String, _ body: () throws -> Void) {
        let budget = TensorBudget(maxElements: 1 << 20, maxTotalElements: Self.limit)
        budget.run {
            let before = budget.liveElements
            let error = #expect(throws: TensorError.self) { try body() }
            #expect(error?.message.hasPrefix("\(op): keeping its ") == true, "\(error?.message ?? "")")
            #expect(error?.message.contains("more than the limit of \(Self.limit)") == true)
            #expect(budget.liveElements == before)
        }
    }

    @Test func gruSavedGatesCountAgainstTheBudget() throws {
        let layer = try GRU(3, Self.hidden, generator: Generator(seed: 70))
        let x = try GradCheck.random([Self.steps, Self.batch, 3], seed: 71)
        expectRefused("GRU") { _ = try layer.hiddenStates(x) }
        // Without a gradient to compute, nothing is kept: the same call fits.
        let budget = TensorBudget(maxElements: 1 << 20, maxTotalElements: Self.limit)
        let states = try budget.run { try withNoGrad { try layer.hiddenStates(x) } }
        #expect(states.shape == [Self.steps, Self.batch, Self.hidden])
    }

    @Test func lstmKeptValuesCountAgainstTheBudget() throws {
        let layer = try LSTM(3, Self.hidden, generator: Generator(seed: 72))
        let x = try GradCheck.random([Self.steps, Self.batch, 3], seed: 73)
        expectRefused("LSTM") { _ = try layer.hiddenStates(x) }
    }

    @Test func rnnKeptValuesCountAgainstTheBudget() throws {
        let layer = try RNN(3, 4 * Self.hidden, generator: Generator(seed: 74))
        let x = try GradCheck.random([Self.steps, Self.batch, 3], seed: 75)
        expectRefused("RNN") { _ = try layer.hiddenStates(x) }
    }

    /// The cross-entropy kernel's copies of the logits and their probabilities (twice the
    /// logits) are counted too.
    @Test func crossEntropyCopiesCountAgainstTheBudget() throws {
        let logits = try GradCheck.random([2_000, 3], seed: 78)
        let labels = try Tensor((0..<2_000).map { Float($0 % 3) }, shape: [2_000])
        let budget = TensorBudget(maxElements: 1 << 20, maxTotalElements: 10_000)
        budget.run {
            let error = #expect(throws: TensorError.self) { _ = try CrossEntropy.loss(logits, labels) }
            #expect(error?.message.contains("more than the limit of 10000") == true, "\(error?.message ?? "")")
        }
        #expect(try CrossEntropy.loss(logits, labels).count == 1)
    }

    /// Under a budget with room, the kept values are counted while the graph lives and
    /// given back once backward has run and the output is gone.
    @Test func keptValuesAreGivenBack() throws {
        let layer = try GRU(3, Self.hidden, generator: Generator(seed: 76))
        let x = try GradCheck.random([Self.steps, Self.batch, 3], seed: 77)
        let budget = TensorBudget(maxElements: 1 << 20, maxTotalElements: 1 << 20)
        try budget.run {
            let before = budget.liveElements
            do {
                let states = try layer.hiddenStates(x)
                #expect(budget.liveElements >= before + 5 * Self.steps * Self.batch * Self.hidden)
                try states.sum().backward()
            }
            layer.zeroGrad()
            #expect(budget.liveElements == before)
        }
    }
}
