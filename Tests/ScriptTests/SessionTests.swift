import CostTestSupport
import Diagnostics
import Testing
@testable import ScriptRuntime

/// Budgets, recursion, display, state across blocks, outputs, positions in the notebook.
@Suite struct SessionTests {
    @Test func runawayLoopStopsAtTheOperationBudget() {
        let output = run("x = 0\nwhile True:\n    x += 1", budget: Budget(operations: 10_000, seconds: 10))
        #expect(output.hasPrefix("error: "))
        #expect(output.contains("block exceeded its budget of 10000 operations"))
    }

    @Test func runawayLoopStopsAtTheTimeBudget() {
        let output = run("while True:\n    pass", budget: Budget(operations: .max, seconds: 0.2))
        #expect(output == "error: 1:1: block exceeded its budget of 0.2 seconds\n" || output == "error: 2:5: block exceeded its budget of 0.2 seconds\n")
    }

    @Test func timeBudgetStopsALoopOfLargeProducts() {
        // 100 products of 1000 × 1000 matrices are about 200 interpreted operations, far
        // fewer than the interval at which the interpreter reads the clock; the engine
        // reads it after each product.
        let output = run("x = ones(1000, 1000)\nfor i in range(100):\n    y = x @ x",
                         budget: Budget(operations: .max, seconds: 0.2))
        #expect(output == "error: 3:9: block exceeded its budget of 0.2 seconds\n")
    }

    @Test func budgetErrorsSayWhichStatementRanOut() {
        // Whichever statement the budget runs out on (the loop test or `pass` or `x += 1`),
        // the error is placed there, inside the function, not at the call.
        let bodies = ["pass", "x = 1", "x = [1]\n        x += [2]", "assert True", "def g():\n            pass"]
        for body in bodies {
            for operations in 1000...1005 {
                let code = "def f():\n    while True:\n        \(body)\nassert f() == 3"
                let output = run(code, budget: Budget(operations: operations, seconds: 10))
                let line = output.split(separator: ":").dropFirst().first.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                #expect(line.map { (2...4).contains($0) } == true, "\(body), \(operations) operations: \(output)")
            }
        }
    }

    @Test func budgetCountsBuiltinLoopsToo() {
        let output = run("x = sum(range(10 ** 9))", budget: Budget(operations: 100_000, seconds: 10))
        #expect(output == "error: 1:5: block exceeded its budget of 100000 operations\n")
    }

    @Test func unboundedRecursionStopsCleanly() {
        let output = run("def down(n):\n    return down(n + 1)\ndown(0)", budget: Budget(operations: .max, seconds: 30))
        #expect(output == "error: 2:12: maximum recursion depth exceeded (more than 1000 nested calls)\n")
    }

    @Test func deepButBoundedRecursionWorks() {
        #expect(run("def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\ndepth(990)") == "990\n")
    }

    @Test func stateCarriesFromBlockToBlock() {
        let output = runBlocks(["x = 41\ndef inc(v):\n    return v + 1", "inc(x)", "xs = [i for i in range(3)]", "xs"])
        #expect(output == "42\n[0, 1, 2]\n")
    }

    @Test func sessionsDoNotShareState() {
        _ = runBlocks(["shared = 1"])
        #expect(runBlocks(["shared"]) == "error: 1:1: undefined name 'shared'\n")
    }

    @Test func errorsInLaterBlocksPointIntoTheNotebook() {
        let output = runBlocks(["a = 1\nb = 2", "c = 3\nprint(a / 0)"])
        #expect(output == "error: 4:7: division by zero\n")
    }

    @Test func aFailingBlockDoesNotStopTheNextOne() {
        #expect(runBlocks(["x = 1\ny = x / 0", "print(x)"]) == "error: 2:5: division by zero\n1\n")
    }

    @Test func parametersAreGlobalNames() {
        let output = runBlocks(["(lr, steps, name, flag)"],
                               parameters: ["lr": .float(0.01), "steps": .int(100), "name": .string("a"), "flag": .bool(true)])
        #expect(output == "(0.01, 100, 'a', True)\n")
    }

    @Test func callTraceNamesEachUserFunction() throws {
        let code = "def f(x):\n    return x / 0\ndef g():\n    return f(1)\ng()"
        let session = ScriptSession(seed: 0)
        let file = SourceFile(name: "lab.md", text: "# Lab\n\n```rnn\n" + code + "\n```\n")
        let result = session.run(code, origin: BlockOrigin(file: file, line: 4))
        let error = try #require(result.error)
        #expect(error.rendered == """
            lab.md:5:12: error: division by zero
             5 |     return x / 0
               |            ^~~~~
              in f() at lab.md:5:12
              in g() at lab.md:7:12
              called from lab.md:8:1
            """)
    }

    @Test func recursionTraceFoldsRepeatedFrames() throws {
        let code = "def down(n):\n    return down(n + 1)\ndown(0)"
        let file = SourceFile(name: "lab.md", text: "```rnn\n" + code + "\n```\n")
        let result = ScriptSession(seed: 0).run(code, origin: BlockOrigin(file: file, line: 2))
        let error = try #require(result.error)
        #expect(error.rendered == """
            lab.md:3:12: error: maximum recursion depth exceeded (more than 1000 nested calls)
             3 |     return down(n + 1)
               |            ^~~~~~~~~~~
              in down() at lab.md:3:12 (1000 times)
              called from lab.md:4:1
            """)
    }

    @Test func mutualRecursionTraceIsCapped() throws {
        let code = "def a(n):\n    return b(n)\ndef b(n):\n    return a(n)\na(0)"
        let file = SourceFile(name: "lab.md", text: code)
        let result = ScriptSession(seed: 0).run(code, origin: BlockOrigin(file: file, line: 1))
        let error = try #require(result.error)
        let notes = error.rendered.split(separator: "\n").filter { $0.hasPrefix("  in ") }
        #expect(notes.count == 20)
        #expect(notes.first == "  in b() at lab.md:4:12")
        #expect(error.rendered.contains("  … 980 more calls\n  called from lab.md:5:1"))
    }

    @Test func indentedBlocksMapColumns() throws {
        let session = ScriptSession(seed: 0)
        let file = SourceFile(name: "lab.md", text: "1. step\n\n   ```rnn\n   x = undefined_name\n   ```\n")
        let result = session.run("x = undefined_name", origin: BlockOrigin(file: file, line: 4, column: 4))
        let error = try #require(result.error)
        #expect(error.header == "lab.md:4:8: error: undefined name 'undefined_name'")
    }

    @Test func outputsArriveInOrderAndLive() {
        let session = ScriptSession(seed: 0)
        let file = SourceFile(name: "lab.md", text: "")
        final class Collected: @unchecked Sendable { var items: [BlockOutput] = [] }
        let live = Collected()
        let result = session.run("print('a')\nprint('b')\n[1]", origin: BlockOrigin(file: file, line: 1)) { live.items.append($0) }
        #expect(live.items == [.text("a\n"), .text("b\n"), .value("[1]")])
        #expect(result.outputs == [.text("a\nb\n"), .value("[1]")])
        #expect(!result.failed)
        #expect(result.seconds >= 0)
    }

    @Test func onlyTheLastBareExpressionIsDisplayed() {
        #expect(run("1\n2\nx = 3") == "")
        #expect(run("1\n2") == "2\n")
        #expect(run("print('x')") == "x\n")
    }

    @Test func selfReferentialListsDisplayWithEllipsis() {
        #expect(run("a = [1]\na.append(a)\na") == "[1, [...]]\n")
    }
}

@Suite struct MemoryTests {
    @Test func deeplyNestedValuesAreReleasedSafely() {
        let output = run("a = []\nfor i in range(200000):\n    a = [a]\nlen(a)")
        #expect(output == "1\n")
    }

    @Test func functionsDoNotKeepSessionsAlive() {
        weak var weakSlot: GlobalSlot?
        do {
            let session = ScriptSession(seed: 0)
            let file = SourceFile(name: "lab.md", text: "")
            _ = session.run("def f(n):\n    return f(n - 1) if n else 0\nf(3)", origin: BlockOrigin(file: file, line: 1))
            weakSlot = session.interpreter.globals["f"]
        }
        #expect(weakSlot == nil)
    }
}

@Suite struct OutputTests {
    /// 20,000 prints are one text, gathered in place: it moves to a new buffer only when it
    /// grows, never at every print (merging by `previous + text` was quadratic).
    @Test func manyPrintsAreGatheredInPlace() {
        let output = run("for i in range(20000):\n    print('line', i)", budget: Budget(operations: 1_000_000, seconds: 30))
        #expect(output.hasPrefix("line 0\nline 1\n") && output.hasSuffix("line 19999\n"))
        var gathered = GatheredOutputs()
        var moves = StorageMoves()
        gathered.add(.value("first"))
        for i in 0..<20_000 {
            gathered.add(.text("line \(i)\n"))
            if case .text(let text)? = gathered.outputs.last { moves.observe(text) }
        }
        gathered.add(.value("last"))
        #expect(moves.observations > 19_000)
        #expect(moves.moves < 40, "the text moved \(moves.moves) times in \(moves.observations) prints")
        #expect(gathered.outputs.count == 3)
        #expect(gathered.outputs.first == .value("first") && gathered.outputs.last == .value("last"))
    }

    /// A block printing far more than `GatheredOutputs.textLimit` keeps that much, cut
    /// at a character, then a note; later prints are counted, not kept (memory stays
    /// bounded); figures and the last value after the limit still come; a multi-byte
    /// character is never split.
    @Test func printedTextIsLimited() {
        let limit = GatheredOutputs.textLimit
        var gathered = GatheredOutputs()
        let line = String(repeating: "é", count: 999) + "\n"  // 1,999 bytes
        var forwarded = 0
        for _ in 0..<(3 * limit / line.utf8.count) {
            if case .text(let kept)? = gathered.add(.text(line)) { forwarded += kept.utf8.count }
        }
        gathered.add(.figure(svg: "<svg/>", title: nil))
        #expect(gathered.add(.text("after")) == nil)
        guard case .text(let text)? = gathered.outputs.first else {
            Issue.record("no text gathered")
            return
        }
        #expect(text.contains("[output truncated: a block's printed text is limited to 4 MB"))
        let head = text[..<text.range(of: "\n[output truncated")!.lowerBound]
        #expect(head.utf8.count <= limit && head.utf8.count > limit - 2)
        #expect(head.allSatisfy { $0 == "é" || $0 == "\n" }, "a character was split")
        #expect(forwarded == text.utf8.count, "the live view got what the page keeps")
        #expect(gathered.droppedBytes > limit)
        #expect(gathered.outputs.count == 2 && gathered.outputs.last == .figure(svg: "<svg/>", title: nil))
    }

    /// In a session: a loop printing 1 MB twenty times leaves a page of about 4 MB.
    @Test func aBlockPrintingMegabytesKeepsTheLimit() {
        let output = run("s = 'x' * 1000000\nfor i in range(20):\n    print(s)", budget: Budget(operations: 1_000_000, seconds: 60))
        #expect(output.utf8.count < GatheredOutputs.textLimit + 1_000)
        #expect(output.hasSuffix("Print less, e.g. every 100th step]\n"))
    }

    @Test func textsAroundOtherOutputsStayInOrder() {
        let session = ScriptSession(seed: 0)
        let file = SourceFile(name: "lab.md", text: "")
        let result = session.run("print('a')\nprint('b')\nx = 1 / 0", origin: BlockOrigin(file: file, line: 1))
        #expect(result.outputs.count == 2)
        #expect(result.outputs.first == .text("a\nb\n"))
        #expect(result.failed)
    }
}

@Suite struct StringBuildingTests {
    /// `s += piece` on a string nothing else holds appends in place: the string moves to a
    /// new buffer only when it grows, not at every step (a copy each time was quadratic).
    /// `note(s)` sees where the string is after each step.
    @Test func appendingToAStringInALoopAppendsInPlace() {
        let session = ScriptSession(seed: 0)
        let moves = MovesProbe()
        session.interpreter.globals["note"] = GlobalSlot(name: "note", value: .builtin(BuiltinFunction(name: "note") { arguments, _ in
            if case .str(let text)? = arguments.positional.first { moves.counter.observe(text) }
            return .none
        }))
        let global = "s = ''\nfor i in range(20000):\n    s += 'x'\n    note(s)\nlen(s)"
        let local = "def build(n):\n    t = ''\n    for i in range(n):\n        t += 'ab'\n        note(t)\n    return len(t)\nbuild(20000)"
        for (code, length) in [(global, 20_000), (local, 40_000)] {
            moves.counter = StorageMoves()
            #expect(render(session.run(code, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: code), line: 1),
                                       budget: Budget(operations: 1_000_000, seconds: 60)).outputs) == "\(length)\n")
            #expect(moves.counter.observations > 19_000)
            #expect(moves.counter.moves < 40, "the string moved \(moves.counter.moves) times in \(moves.counter.observations) steps")
        }
    }

    @Test func appendingDoesNotChangeOtherReferences() {
        #expect(run("a = 'x'\nb = a\na += 'y'\n(a, b)") == "('xy', 'x')\n")
        #expect(run("def f():\n    s = 'p'\n    t = s\n    s += 'q'\n    return s, t\nf()") == "('pq', 'p')\n")
    }
}

/// Where `note(s)` counts the moves of the strings it is given.
final class MovesProbe: @unchecked Sendable {
    var counter = StorageMoves()
}
