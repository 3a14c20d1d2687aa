import CostTestSupport
import ScriptSyntax
import Testing
@testable import ScriptRuntime

/// Inputs the fuzzer found slow (quadratic in their size): each must now cost what its
/// size does. Their costs are bounded by thread CPU time ratios (`Scaling`, `CPUTimeRatio`),
/// which a busy machine does not change, never by the wall clock.
@Suite struct FuzzRegressionTests {
    /// An unterminated string followed by thousands of broken lines: the parser's
    /// one-issue-per-line filter compared every issue with every other.
    @Test func thousandsOfBrokenLinesParseInLinearTime() {
        let small = "x = \"the st" + String(repeating: "0)\n", count: 2_000)
        let large = "x = \"the st" + String(repeating: "0)\n", count: 8_000)
        let parsed = Parser.parse(large)
        #expect(!parsed.issues.isEmpty && parsed.issues.count <= 50)
        let scaling = Scaling(factor: 4, small: { _ = Parser.parse(small) }, large: { _ = Parser.parse(large) })
        #expect(scaling.isLinear, "\(scaling)")
    }

    /// A name of thousands of characters that is not defined: "did you mean" compared it with
    /// every built-in name by edit distance. Failing on it now costs about what defining it
    /// does (the same lexing and compiling), not hundreds of times more.
    @Test func aHugeUndefinedNameFailsAtOnce() {
        let name = "first" + String(repeating: "t922337", count: 600)
        #expect(run(name) == "error: 1:1: undefined name '\(name)'\n")
        // Two sessions: once defined, the name would no longer fail.
        let failing = ScriptSession(seed: 0)
        let defining = ScriptSession(seed: 0)
        let definition = name + " = 0"
        let times = CPUTimeRatio(of: { _ = failing.runHere(name) }, to: { _ = defining.runHere(definition) })
        #expect(times.ratio < 5, "\(times)")
        #expect(failing.runHere(name).failed)
    }

    /// `rstrip`, `rsplit` and `strip` dropped trailing spaces one `dropLast()` at a time (three
    /// words, so that `rsplit(None, 1)` trims the part it keeps).
    @Test func stripAndSplitOnLongWhitespaceAreLinear() {
        func program(_ spaces: Int) -> String {
            "s = 'a b c' + ' ' * \(spaces)\nprint(len(s.rstrip()), s.rsplit(None, 1), len(s.strip('x ')))"
        }
        let small = program(4_000)
        let large = program(16_000)
        #expect(run(large) == "5 ['a b', 'c'] 5\n")
        let session = ScriptSession(seed: 0)
        let scaling = Scaling(factor: 4, small: { _ = session.runHere(small) }, large: { _ = session.runHere(large) })
        #expect(scaling.isLinear, "\(scaling)")
    }

    /// `LSTM(1, 2, 9223372036854775807)` built an array of 2**63 - 1 layers: heap corruption.
    @Test func hugeLayerCountsAreRefused() {
        #expect(run("LSTM(1, 2, 9223372036854775807, bidirectional=True)")
                == "error: 1:1: LSTM(): num_layers=9223372036854775807 is more than rnnbook builds (at most 1000)\n")
        #expect(run("GRU(1, 2, 3).num_layers") == "3\n")
    }

    /// Found by the fuzzer: a huge precision in a format spec overflowed while it was read.
    @Test func hugeFormatPrecisionsAreRefused() {
        #expect(run("f'{1.5:.9223372036854775808f}'") == "error: 1:4: invalid format specifier '.9223372036854775808f'\n")
    }
}
