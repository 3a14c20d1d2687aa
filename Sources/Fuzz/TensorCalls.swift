import ScriptRuntime

/// Programs that call the language's whole surface (every built-in, every module member,
/// every tensor method) with random arguments: numbers at the edges, odd tensors, nested
/// and self-containing lists, callables, models, and random keywords. Each call stands in
/// its own `try`, so one refusal does not end the program.
enum TensorCalls {
    /// What every program starts from: values the calls take as arguments.
    static let prelude = """
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        import numpy as np
        import matplotlib.pyplot as plt
        t0 = randn(3, 4)
        t1 = zeros(0)
        t2 = arange(6).reshape(2, 3)
        t3 = tensor([True, False])
        t4 = randn(2, 3, requires_grad=True)
        t5 = tensor([1, 2, 3])
        t6 = ones(2, 2, 2, 2)
        t7 = tensor(float('nan'))
        cyc = []
        cyc.append(cyc)
        m0 = nn.Linear(4, 3)
        m1 = nn.GRU(3, 4)
        v0 = None
        v1 = None
        """

    static let arguments = [
        "0", "1", "2", "3", "-1", "-2", "7", "2**31", "2**62", "9223372036854775807", "-9223372036854775808", "10**6",
        "0.5", "-0.0", "1e-300", "1e308", "1e19", "float('nan')", "float('inf')", "-float('inf')",
        "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t0.T", "t4 * 2", "t0[0]", "t2[:, ::2]",
        "[]", "[1, 2]", "[[1, 2], [3]]", "[[1.0, 2.0], [3.0, 4.0]]", "cyc", "[t0, t0]", "(2, 3)", "(-1,)", "(0, 1)", "(3, 4)",
        "'mean'", "'sum'", "'none'", "''", "'relu'", "'x' * 300", "None", "True", "False",
        "lambda *a, **k: None", "lambda x: x", "abs", "{}", "{'a': 1}", "m0", "m1", "m0.parameters()",
        "v0", "v1", "range(3)", "torch.float32", "torch.int64", "[0] * 100", "np.ones((2, 3))",
    ]

    static let keywords = [
        "dim", "keepdim", "dtype", "requires_grad", "out", "axis", "size", "shape", "p", "eps", "weight", "bias",
        "reduction", "ignore_index", "lr", "momentum", "label", "color", "bins", "batch_first", "num_layers",
        "dropout", "bidirectional", "nonlinearity", "hidden_size", "input_size", "dt", "tau", "seed", "cohs",
        "timing", "sigma", "batch_size", "seq_len", "steps", "n_components", "alpha", "max_norm", "mask", "start",
        "end", "step", "low", "high", "k", "n", "figsize", "cmap", "value", "min", "max", "key", "default",
    ]

    /// The generator of programs: one to six calls of names from the language's surface.
    static func generator() -> (inout SplitMix64) -> String {
        let surface = ScriptSession.callableSurface()
        return { rng in
            var lines: [String] = []
            for _ in 0...rng.below(6) {
                let name = rng.pick(surface)
                let callee = name.hasPrefix(".") ? rng.pick(["t0", "t2", "t4", "t5", "t7", "v0", "m0", "np.ones(3)"]) + name : name
                var parts: [String] = []
                for _ in 0..<rng.below(5) { parts.append(rng.pick(arguments)) }
                for _ in 0..<(rng.oneIn(3) ? 1 + rng.below(3) : 0) {
                    parts.append("\(rng.pick(keywords))=\(rng.pick(arguments))")
                }
                let call = rng.oneIn(8) ? callee : "\(callee)(\(parts.joined(separator: ", ")))"
                let target = rng.oneIn(2) ? "v0" : "v1"
                lines.append("try:\n    \(target) = \(call)\n    repr(\(target))\nexcept Exception:\n    pass")
            }
            return lines.joined(separator: "\n")
        }
    }
}
