import Foundation
import ScriptSyntax
import Testing
@testable import ScriptRuntime

/// Inputs the fuzzer found slow (quadratic in their size): each must now finish at once.
@Suite struct FuzzRegressionTests {
    /// An unterminated string followed by 32,000 broken lines: the parser's one-issue-per-line
    /// filter compared every issue with every other.
    @Test func thousandsOfBrokenLinesParseInLinearTime() {
        let code = "x = \"the st" + String(repeating: "0)\n", count: 32_000)
        let began = Date()
        let parsed = Parser.parse(code)
        #expect(!parsed.issues.isEmpty && parsed.issues.count <= 50)
        #expect(Date().timeIntervalSince(began) < 10)
    }

    /// A name of 16,000 characters that is not defined: "did you mean" compared it with
    /// every built-in name by edit distance.
    @Test func aHugeUndefinedNameFailsAtOnce() {
        let name = "first" + String(repeating: "t922337", count: 2300)
        let began = Date()
        #expect(run(name) == "error: 1:1: undefined name '\(name)'\n")
        #expect(Date().timeIntervalSince(began) < 10)
    }

    @Test func stripAndSplitOnLongWhitespaceAreLinear() {
        let began = Date()
        #expect(run("s = 'a b' + ' ' * 200000\nprint(len(s.rstrip()), s.rsplit(None, 1), len(s.strip('x ')))")
                == "3 ['a', 'b'] 3\n")
        #expect(Date().timeIntervalSince(began) < 10)
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
