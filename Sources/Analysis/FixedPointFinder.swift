import Neural
import Tensor

/// One step of a recurrent map under constant input: the next states (B, N) from states
/// x (B, N) and inputs u (B, I), built from tensor operations so autograd can differentiate it.
public typealias StateMap = (_ x: Tensor, _ u: Tensor) throws -> Tensor

/// The fixed-point search of Golub & Sussillo's FixedPointFinder (PyTorch version, joint
/// method), for a discrete-time map F.
///
/// Every candidate x minimises q(x) = ½‖F(x, u) − x‖²; all of them move together under
/// Adam (β = (0.9, 0.999), ε = 1e-8) on the mean of q, with PyTorch's ReduceLROnPlateau
/// (factor 0.95, patience 2, cooldown 0) stepped on that mean each iteration. After the
/// first iteration the search stops when every candidate has |Δq| < tol_dq · lr or
/// q < tol_q, or after `maxIterations`. As in FPF, x* is the state after the last update
/// and q* the value measured on the last iteration. Then: duplicates are merged (points
/// within `tolUnique` of each other in [x, u], keeping the smallest q), points farther from
/// the centroid of the initial states than `outlierDistanceScale` times the initial states'
/// mean distance to it are dropped, and ∂F/∂x is computed at each point by reverse-mode
/// autograd (one backward pass per state dimension, the batch at once) with its
/// eigenvalues (LAPACK `dgeev`) sorted by magnitude, largest first.
///
/// The search runs in Float32 (FPF's default dtype); the Jacobians and eigenvalues in Double.
public struct FixedPointFinder {
    /// Adam iterations at most.
    public var maxIterations = 5000
    /// The initial learning rate.
    public var learningRate = 1.0
    /// A candidate whose q is below this has converged.
    public var tolQ = 1e-12
    /// A candidate whose q changed by less than this times the learning rate has converged.
    public var tolDq = 1e-20
    /// Points closer than this (Euclidean, in [x, u]) are the same fixed point.
    public var tolUnique = 1e-3
    /// Points this many mean initial distances or more from the initial centroid are
    /// dropped; `.infinity` keeps all.
    public var outlierDistanceScale = 10.0
    /// Whether to compute Jacobians, their eigenvalues and stability.
    public var computeJacobians = true
    /// Whether the learning rate follows FPF's ReduceLROnPlateau schedule; when false, Adam
    /// keeps `learningRate` throughout (CTDB's `find_fixed_points`).
    public var adaptiveLearningRate = true
    /// Called before every iteration with its number (from 1); may throw to stop the
    /// search (a caller's time budget).
    public var checkpoint: ((Int) throws -> Void)?

    /// A finder with FPF's defaults.
    public init() {}

    /// Searches for fixed points of `map` from `initialStates` (n, N) under `inputs`: one row
    /// (1, I) shared by all candidates or one row per candidate (n, I).
    public func find(_ map: StateMap, initialStates: Tensor, inputs: Tensor) throws -> FixedPoints {
        guard initialStates.ndim == 2, initialStates.shape[0] >= 1, initialStates.shape[1] >= 1 else {
            throw AnalysisError("find_fixed_points(): initial_states must be (n_inits, n_states), got \(describe(initialStates.shape))")
        }
        let (n, dims) = (initialStates.shape[0], initialStates.shape[1])
        let u = try Self.broadcastInputs(inputs, to: n)
        guard maxIterations >= 1 else { throw AnalysisError("find_fixed_points(): max_iters must be at least 1") }
        guard learningRate > 0 else { throw AnalysisError("find_fixed_points(): lr must be positive") }

        let x = try Tensor(initialStates.scalars, shape: [n, dims])
        try x.requiresGrad_()
        let adam = try Adam([x], lr: Float(learningRate))
        var plateau = ReduceLROnPlateau(rate: learningRate, factor: 0.95, patience: 2, cooldown: 0)
        var previous = [Double](repeating: .nan, count: n)
        var q = previous
        var iteration = 1
        while true {
            try checkpoint?(iteration)
            x.grad = nil
            let values = try GradMode.withGradEnabled(true) { () throws -> Tensor in
                let next = try Self.apply(map, x, u)
                let dx = try x.sub(next)
                return try dx.mul(dx).sum(dim: 1).mul(0.5)
            }
            let mean = try values.mean()
            try mean.backward()
            try GradMode.withNoGrad { try adam.step() }
            let rate = adaptiveLearningRate ? plateau.step(Double(try mean.item())) : learningRate
            adam.learningRate = Float(rate)
            q = values.scalars.map(Double.init)
            if iteration > 1 {
                let converged = (0..<n).allSatisfy { abs(q[$0] - previous[$0]) < tolDq * rate || q[$0] < tolQ }
                if converged { break }
            }
            if iteration + 1 > maxIterations { break }
            previous = q
            iteration += 1
        }
        guard q.allSatisfy(\.isFinite) else {
            throw AnalysisError("find_fixed_points(): q became nan or inf; lower lr or check the step function")
        }

        let states = Matrix(rows: n, columns: dims, values: x.detach().scalars.map(Double.init))
        let inputMatrix = Matrix(rows: n, columns: u.shape[1], values: u.scalars.map(Double.init))
        var keep = unique(states, inputMatrix, q)
        keep = excludingDistanceOutliers(keep, states, initial: try Matrix(initialStates, "initial_states"))
        let xstar = Matrix(rows: keep.count, columns: dims, values: keep.flatMap { states.row($0) })
        let kept = Matrix(rows: keep.count, columns: u.shape[1], values: keep.flatMap { inputMatrix.row($0) })
        var jacobians: [Matrix] = []
        var eigenvalues: [[(re: Double, im: Double)]] = []
        if computeJacobians && !keep.isEmpty {
            jacobians = try Self.jacobians(map, at: xstar, inputs: kept)
            eigenvalues = try jacobians.map { try Self.sortedEigenvalues($0) }
        }
        return FixedPoints(xstar: xstar, inputs: kept, qstar: keep.map { q[$0] }, iterations: iteration,
                           candidateCount: n, jacobians: jacobians, eigenvalues: eigenvalues)
    }

    /// FPF's `get_unique` with `tolUnique` (see `FixedPoints.uniqueIndices`).
    func unique(_ states: Matrix, _ inputs: Matrix, _ q: [Double]) -> [Int] {
        FixedPoints.uniqueIndices(states, inputs, q, tolerance: tolUnique)
    }

    /// FPF's `_exclude_distance_outliers`: drops points whose distance to the centroid of
    /// the initial states is `outlierDistanceScale` or more times the initial states' mean
    /// distance to it. Skipped when all initial states coincide (no scale to compare with).
    func excludingDistanceOutliers(_ keep: [Int], _ states: Matrix, initial: Matrix) -> [Int] {
        guard outlierDistanceScale.isFinite else { return keep }
        let centroid = initial.columnMeans
        func distance(_ row: [Double]) -> Double {
            zip(row, centroid).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
        let average = (0..<initial.rows).map { distance(initial.row($0)) }.reduce(0, +) / Double(initial.rows)
        guard average > 0 else { return keep }
        return keep.filter { distance(states.row($0)) / average < outlierDistanceScale }
    }

    /// ∂F/∂x at each row of `states` under the matching row of `inputs`, by one backward
    /// pass per output dimension (F's rows do not depend on each other's states).
    static func jacobians(_ map: StateMap, at states: Matrix, inputs: Matrix) throws -> [Matrix] {
        let (k, dims) = (states.rows, states.columns)
        let x = try states.tensor()
        try x.requiresGrad_()
        let u = try inputs.tensor()
        let next = try GradMode.withGradEnabled(true) { try apply(map, x, u) }
        var entries = [[Double]](repeating: [Double](repeating: 0, count: dims * dims), count: k)
        if next.requiresGrad {
            for i in 0..<dims {
                x.grad = nil
                var seed = [Float](repeating: 0, count: k * dims)
                for b in 0..<k { seed[b * dims + i] = 1 }
                try next.backward(try Tensor(seed, shape: [k, dims]), retainGraph: i < dims - 1)
                guard let grad = x.grad?.scalars else { continue }
                for b in 0..<k {
                    for j in 0..<dims { entries[b][i * dims + j] = Double(grad[b * dims + j]) }
                }
            }
        }
        x.grad = nil
        return entries.map { Matrix(rows: dims, columns: dims, values: $0) }
    }

    /// The eigenvalues of `jacobian`, largest magnitude first (then larger real part, then
    /// larger imaginary part, so the order is deterministic).
    static func sortedEigenvalues(_ jacobian: Matrix) throws -> [(re: Double, im: Double)] {
        try LAPACK.eigenvalues(jacobian).sorted { a, b in
            let (ma, mb) = ((a.re * a.re + a.im * a.im).squareRoot(), (b.re * b.re + b.im * b.im).squareRoot())
            if ma != mb { return ma > mb }
            if a.re != b.re { return a.re > b.re }
            return a.im > b.im
        }
    }

    /// F(x, u), checked to be (B, N) like x.
    static func apply(_ map: StateMap, _ x: Tensor, _ u: Tensor) throws -> Tensor {
        let next = try map(x, u)
        guard next.shape == x.shape else {
            throw AnalysisError("find_fixed_points(): the step function returned shape \(describe(next.shape)) for states of shape \(describe(x.shape)); it must return the next state, shaped like x")
        }
        guard next.dtype == .float32 else {
            throw AnalysisError("find_fixed_points(): the step function returned a \(next.dtype) tensor; expected float32")
        }
        return next
    }

    /// The inputs as (n, I): a vector (I,) or one row (1, I) repeated, or n rows as given.
    static func broadcastInputs(_ inputs: Tensor, to n: Int) throws -> Tensor {
        let row: [Float]
        switch inputs.ndim {
        case 1: row = inputs.scalars
        case 2 where inputs.shape[0] == n: return try Tensor(inputs.scalars, shape: inputs.shape)
        case 2 where inputs.shape[0] == 1: row = inputs.scalars
        default:
            throw AnalysisError("find_fixed_points(): inputs must be (n_inputs,), (1, n_inputs) or (n_inits=\(n), n_inputs), got \(describe(inputs.shape))")
        }
        return try Tensor(Array([[Float]](repeating: row, count: n).joined()), shape: [n, row.count])
    }
}

extension FixedPointFinder {
    /// The one-step map of a recurrent layer (RNN, GRU, LSTM, LeakyRNN, or the layer of an
    /// RNNNet): its user step function if it has one, else its built-in recurrence, with
    /// the weights detached so the search leaves their gradients alone. For an LSTM the
    /// state is the joined [h, c] (2H), the state of its step function.
    public static func stateMap(of layer: any RecurrentLayer) throws -> StateMap {
        let parameters = Dictionary(layer.namedParameters.map { ($0.name, $0.tensor.detach()) }, uniquingKeysWith: { a, _ in a })
        let step: StepFunction
        if let custom = layer.step {
            step = custom
        } else {
            switch layer {
            case let rnn as RNN: step = RNN.builtinStep(nonlinearity: rnn.nonlinearity)
            case let leaky as LeakyRNN: step = LeakyRNN.builtinStep(alpha: leaky.alpha, activation: leaky.activation)
            case let gru as GRU: step = GRU.builtinStep(hiddenSize: gru.hiddenSize)
            case let lstm as LSTM: step = LSTM.builtinStep(hiddenSize: lstm.hiddenSize)
            default: throw AnalysisError("find_fixed_points(): no step function for this layer")
            }
        }
        return { x, u in try step(u, x, parameters) }
    }

    /// The state width of a layer's map: H, or 2H for an LSTM ([h, c]).
    public static func stateSize(of layer: any RecurrentLayer) -> Int {
        layer is LSTM ? 2 * layer.hiddenSize : layer.hiddenSize
    }
}
