import Tensor

/// One call of `GRUKernel`: the weights copied for it, the batch blocks, what the forward
/// pass saves for the backward one, and both passes over one block.
final class GRUPass {
    let layout: SequenceLayout
    let blocks: BatchBlocks
    let (h, inputs): (Int, Int)
    /// W_ih (3H, I), its transpose (I, 3H), b_ih, W_hh (3H, H), its transpose (H, 3H), b_hh.
    let (wih, wihT, bih, whh, whhT, bhh): (FloatBuffer, FloatBuffer, FloatBuffer, FloatBuffer, FloatBuffer, FloatBuffer)
    /// r, z, n, W_hn h + b_hn per row, each block's (T, rows, 4H) after the previous
    /// block's; nil when no backward pass will run, or once it ran (`release`).
    private(set) var saved: FloatBuffer?
    /// The states written, the input and h0, kept for the backward pass (detached).
    private(set) var kept: (states: Tensor, x: Tensor, h0: Tensor)?
    let pool: BufferPool
    /// W_hhᵀ and W_hh packed for `PanelProduct` (the forward product and the carry's), when
    /// its per-step products are computed there rather than by OpenBLAS: for a hidden size
    /// of whole panels and at least two batch blocks. One block alone is the case where
    /// OpenBLAS's own threads are the parallelism, so it keeps OpenBLAS.
    let panels: (forward: PanelProduct.Panels, carry: PanelProduct.Panels)?
    /// Whether the input projection is done by multiply-adds (thin inputs) rather than GEMMs.
    var stepwise: Bool { inputs <= GRUKernel.smallInput }

    init(weights w: RecurrentWeights, layout: SequenceLayout, saving: Bool) throws {
        self.layout = layout
        blocks = BatchBlocks(batch: layout.batch)
        (h, inputs, pool) = (w.hiddenSize, w.inputSize, w.pool)
        (wih, bih, whh, bhh, whhT) = w.buffers()
        wihT = FloatBuffer(uninitialized: wih.count, pool: pool)
        wih.transpose(rows: 3 * h, columns: inputs, into: wihT)
        panels = PanelProduct.fits(columns: h) && blocks.count > 1
            ? (PanelProduct.Panels(whhT.pointer, depth: h, columns: 3 * h, ldb: 3 * h, pool: pool),
               PanelProduct.Panels(whh.pointer, depth: 3 * h, columns: h, ldb: h, pool: pool))
            : nil
        saved = saving ? try FloatBuffer(counted: layout.steps * layout.batch * 4 * h, op: "GRU") : nil
    }

    /// Keeps what the backward pass reads besides `saved`.
    func keep(states: Tensor, x: Tensor, h0: Tensor) {
        kept = (states.detach(), x.detach(), h0.detach())
    }

    /// Frees the saved values once the backward pass will not run (again).
    func release() {
        saved = nil
        kept = nil
    }

    /// The rows of step t's previous state for the block starting at `b0`, and their
    /// distance: h_{t−1} in the states, or h0 at t = 0.
    @inline(__always)
    func previous(_ t: Int, _ b0: Int, states: UnsafePointer<Float>, h0: UnsafePointer<Float>) -> (UnsafePointer<Float>, Int) {
        t == 0 ? (h0 + b0 * h, h) : (states + layout.row(t - 1, b0) * h, layout.batchStride * h)
    }

    /// The forward pass's per-step scratch for the whole batch (each block uses its own
    /// rows): W_ih x + b_ih (GEMM projection only), W_hh h, and r, z, n, ĥ when nothing is
    /// saved. Its size follows the batch, so it is counted and may be refused.
    func forwardScratch() throws -> (input: FloatBuffer, recurrent: FloatBuffer, gates: FloatBuffer) {
        let (batch, g3) = (layout.batch, 3 * h)
        return (try FloatBuffer(counted: stepwise ? 0 : batch * g3, op: "GRU"), try FloatBuffer(counted: batch * g3, op: "GRU"),
                try FloatBuffer(counted: saved == nil ? batch * 4 * h : 0, op: "GRU"))
    }

    /// Runs block `k` forward over all steps, writing its states into `states`, with its
    /// rows of `scratch` (`forwardScratch`).
    func forward(
        block k: Int, x: UnsafePointer<Float>, h0: UnsafePointer<Float>, states: UnsafeMutablePointer<Float>,
        scratch all: (input: FloatBuffer, recurrent: FloatBuffer, gates: FloatBuffer)
    ) {
        let range = blocks.ranges[k]
        let (b0, rows, g3) = (range.lowerBound, range.count, 3 * h)
        let (gi, gh) = (all.input.at(stepwise ? 0 : b0 * g3), all.recurrent.at(b0 * g3))
        let scratch = all.gates.at(saved == nil ? b0 * 4 * h : 0)
        // Each block its own bias copy: the padded last block of a row writes back what it read.
        let bias = FloatBuffer(uninitialized: g3)
        bias.pointer.update(from: bhh.pointer, count: g3)
        // The saved values are read only by the backward pass, after the whole sequence:
        // streamed to memory rather than through the cache (whole, aligned `Lanes` only).
        let streaming = saved != nil && h % LaneMath.width == 0
        defer { if streaming { LaneMath.streamFence() } }
        for t in 0..<layout.steps {
            let (prev, prevStride) = previous(t, b0, states: states, h0: h0)
            if let panels {
                PanelProduct.multiply(
                    rows, g3, h, prev, rowStride: prevStride, depthStride: 1, panels.forward.operand, gh, ldc: g3,
                    accumulate: false)
            } else {
                recurrentProduct(rows, g3, h, prev, lda: prevStride, whhT.pointer, beta: 0, gh)
            }
            let xt = x + layout.row(t, b0) * inputs
            let xStride = layout.batchStride * inputs
            if !stepwise {
                for b in 0..<rows { (gi + b * g3).update(from: bih.pointer, count: g3) }
                sgemm(false, true, rows, g3, inputs, xt, lda: xStride, wih.pointer, beta: 1, gi)
            }
            let stepSaved = saved?.at((b0 * layout.steps + t * rows) * 4 * h) ?? scratch
            for b in 0..<rows {
                let input: GRUInputSide = stepwise
                    ? .projected(x: xt + b * xStride, count: inputs, weightT: wihT.pointer, bias: bih.pointer)
                    : .computed(gi + b * g3)
                GRUGates.forwardRow(
                    h, input: input, recurrent: gh + b * g3, bias: bias.pointer, previous: prev + b * prevStride,
                    next: states + layout.row(t, b0 + b) * h, saved: stepSaved + b * 4 * h, streaming: streaming)
            }
        }
    }
}
