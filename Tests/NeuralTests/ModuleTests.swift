import Foundation
import Neural
import Testing
import Tensor
import EngineTestSupport

/// Freezing, saving and loading weights (safetensors).
@Suite struct ModuleTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-\(UUID().uuidString)-\(name)").path
    }

    @Test func saveThenLoadRestoresEveryParameter() throws {
        let net = try RNNNet(3, 8, 3, cell: .lstm, generator: Generator(seed: 1))
        let other = try RNNNet(3, 8, 3, cell: .lstm, generator: Generator(seed: 2))
        let path = temporaryPath("net.safetensors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try net.save(to: path)
        let held = other.fc.weight
        try other.load(from: path)
        for ((name, a), (_, b)) in zip(net.namedParameters, other.namedParameters) {
            #expect(a.scalars == b.scalars, "\(name)")
        }
        #expect(held === other.fc.weight)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let headerLength = (0..<8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        #expect(headerLength % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + headerLength)], as: UTF8.self)
        #expect(header.contains("\"rnn.weight_ih_l0\":{\"data_offsets\":[0,384],\"dtype\":\"F32\",\"shape\":[32,3]}"))
    }

    @Test func loadErrorsNameTheProblem() throws {
        let net = try RNNNet(3, 4, 3, generator: Generator(seed: 1))
        let missing = temporaryPath("missing.safetensors")
        #expect(throws: NeuralError("load: no such file: \(missing)")) { try net.load(from: missing) }

        let wide = try RNNNet(3, 5, 3, generator: Generator(seed: 1))
        let path = temporaryPath("wide.safetensors")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try wide.save(to: path)
        let before = net.rnn.parameters()[0].scalars
        #expect(throws: NeuralError("load: 'rnn.W_in' in \(path) has shape (5, 3), the model's has (4, 3)")) {
            try net.load(from: path)
        }
        #expect(net.rnn.parameters()[0].scalars == before)

        let corrupt = temporaryPath("corrupt.safetensors")
        defer { try? FileManager.default.removeItem(atPath: corrupt) }
        var bytes: [UInt8] = [12, 0, 0, 0, 0, 0, 0, 0]
        bytes += Array("{not json!!}".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        let error = try #require(throws: NeuralError.self) { try net.load(from: corrupt) }
        #expect(error.message.contains("not a valid safetensors file: the header is not a JSON object"))
        try Data([200, 0, 0, 0, 0, 0, 0, 0, 1]).write(to: URL(fileURLWithPath: corrupt))
        let short = try #require(throws: NeuralError.self) { try net.load(from: corrupt) }
        #expect(short.message.contains("runs past the end of the file"))
    }

    @Test func frozenParametersGetNoGradientAndDoNotMove() throws {
        let net = try RNNNet(2, 4, 2, cell: .rnn, generator: Generator(seed: 3))
        try net.freeze(["rnn.weight_hh_l0"])
        #expect(net.frozenParameterNames == ["rnn.weight_hh_l0"])
        let frozen = try #require(net.parameter(named: "rnn.weight_hh_l0"))
        let before = frozen.scalars
        let opt = try SGD(net.parameters(), lr: 0.5)
        let x = try GradCheck.random([6, 2, 2])
        try net(x).output.sum().backward()
        try opt.step()
        #expect(frozen.grad == nil)
        #expect(frozen.scalars == before)
        #expect(net.parameter(named: "rnn.weight_ih_l0")?.grad != nil)
        try net.unfreeze()
        #expect(net.frozenParameterNames.isEmpty)
        #expect(throws: NeuralError.self) { try net.freeze(["nope"]) }
    }
}
