import Foundation
import Testing
@testable import RnnbookCLI

/// `train` draws a live bar on a terminal only; the report and piped output never get it.
@Suite struct ProgressTests {
    static let notebook = """
        ```rnn
        env = PerceptualDecisionMaking(dt=100)
        net = RNNNet(3, 8, 3, dt=100)
        log = train(net, Dataset(env, batch_size=4, seq_len=22), steps=4, optimizer=Adam(net.parameters(), lr=0.01), log_every=4)
        print("done")
        ```
        """

    func run(terminal: Bool) throws -> String {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("p.md", Self.notebook)
        let capture = CapturedConsole(isTerminal: terminal)
        let code: Int32 = Console.$current.withValue(capture.console) {
            do {
                var command = try Rnnbook.parseAsRoot(["run", path])
                try command.run()
                return 0
            } catch {
                return Rnnbook.exitCode(for: error).rawValue
            }
        }
        #expect(code == 0)
        return capture.out
    }

    @Test func aTerminalGetsALiveBarThatIsErasedBeforeTheNextOutput() throws {
        let out = try run(terminal: true)
        #expect(out.contains("\r\u{1B}[Ktrain [########################]     4/4  loss "))
        #expect(out.contains("\r\u{1B}[Kstep 4/4  loss "))
        #expect(out.contains("done\n"))
    }

    @Test func pipedOutputHasNoBar() throws {
        let out = try run(terminal: false)
        #expect(!out.contains("train ["))
        #expect(!out.contains("\u{1B}"))
        #expect(out.contains("step 4/4  loss "))
    }
}
