import Neural
import Tensor

/// The configuration attributes of a built-in model (`lstm.hidden_size`, `lstm.batch_first`,
/// `fc.in_features`) and its `extra_repr`, as PyTorch's.
extension ModelObject {
    /// Attribute name and value for the layer's settings (not its parameters).
    var configuration: [(name: String, value: Value)] {
        switch module {
        case let linear as Linear:
            let bias: [(String, Value)] = linear.bias == nil ? [("bias", .none)] : []
            return [("in_features", .int(linear.inFeatures)), ("out_features", .int(linear.outFeatures))] + bias
        case let leaky as LeakyRNN:
            return [("input_size", .int(leaky.inputSize)), ("hidden_size", .int(leaky.hiddenSize)),
                    ("alpha", .float(Double(leaky.alpha))), ("dt", leaky.dt.map(Value.float) ?? .none), ("tau", .float(leaky.tau))]
        case let stack as RecurrentStack:
            return recurrentSettings(stack.layers[0]) + [("num_layers", .int(stack.numLayers)),
                    ("batch_first", .bool(stack.batchFirst)), ("dropout", .float(stack.dropout)),
                    ("bidirectional", .bool(stack.bidirectional))]
        case let layer as any RecurrentLayer:
            return recurrentSettings(layer) + [("num_layers", .int(1)), ("batch_first", .bool(false))]
        case let cell as RecurrentCell:
            return recurrentSettings(cell.layer)
        default:
            return []
        }
    }

    /// input_size, hidden_size, bias (a bool, as on PyTorch's recurrent modules), and an
    /// RNN's nonlinearity.
    private func recurrentSettings(_ layer: any RecurrentLayer) -> [(name: String, value: Value)] {
        var settings: [(name: String, value: Value)] = [("input_size", .int(layer.inputSize)), ("hidden_size", .int(layer.hiddenSize)),
                                                        ("bias", .bool(Self.hasBias(layer)))]
        if let rnn = layer as? RNN { settings.append(("nonlinearity", .str(rnn.nonlinearity.rawValue))) }
        return settings
    }

    /// Whether a built-in layer has bias parameters.
    static func hasBias(_ layer: any RecurrentLayer) -> Bool {
        switch layer {
        case let rnn as RNN: rnn.weights.hasBias
        case let gru as GRU: gru.weights.hasBias
        case let lstm as LSTM: lstm.weights.hasBias
        default: true
        }
    }

    /// PyTorch's `extra_repr`: `in_features=2, out_features=1, bias=True` for a Linear,
    /// `3, 128, num_layers=2, batch_first=True, dropout=0.2` for a recurrent layer (settings shown only
    /// when not the default), `3, 4, bias=False, nonlinearity=relu` for a cell.
    func extraRepr() -> String {
        func flag(_ value: Bool) -> String { value ? "True" : "False" }
        switch module {
        case let linear as Linear:
            return "in_features=\(linear.inFeatures), out_features=\(linear.outFeatures), bias=\(flag(linear.bias != nil))"
        case is LeakyRNN, is RNNNet:
            guard let open = summary.firstIndex(of: "("), summary.hasSuffix(")") else { return "" }
            return String(summary[summary.index(after: open)..<summary.index(before: summary.endIndex)])
        case let stack as RecurrentStack:
            var text = "\(stack.inputSize), \(stack.hiddenSize)"
            if stack.numLayers != 1 { text += ", num_layers=\(stack.numLayers)" }
            if !Self.hasBias(stack.layers[0]) { text += ", bias=False" }
            if stack.batchFirst { text += ", batch_first=True" }
            if stack.dropout != 0 { text += ", dropout=\(Value.float(stack.dropout).repr())" }
            if stack.bidirectional { text += ", bidirectional=True" }
            return text
        case let layer as any RecurrentLayer:
            return "\(layer.inputSize), \(layer.hiddenSize)" + (Self.hasBias(layer) ? "" : ", bias=False")
        case let cell as RecurrentCell:
            var text = "\(cell.inputSize), \(cell.hiddenSize)"
            if !Self.hasBias(cell.layer) { text += ", bias=False" }
            if let rnn = cell.layer as? RNN, rnn.nonlinearity != .tanh { text += ", nonlinearity=\(rnn.nonlinearity.rawValue)" }
            return text
        default:
            return ""
        }
    }
}
