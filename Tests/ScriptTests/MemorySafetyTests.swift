import Testing
@testable import ScriptRuntime

/// Calls of global functions use the function without retaining it; rebinding the global
/// while the function runs must stay safe.
@Suite struct MemorySafetyTests {
    @Test func functionRebindingItsOwnNameWhileRunning() {
        let code = """
            def f(n):
                global f
                f = None
                xs = [i * 2 for i in range(200)]
                return n + len(xs)
            f(1)
            """
        #expect(run(code) == "201\n")
    }

    @Test func closureRebindingWhileRunning() {
        let code = """
            def make():
                k = 5
                def g(x):
                    global g
                    g = 0
                    ys = [str(i) for i in range(100)]
                    return x + k + len(ys)
                return g
            g = make()
            g(1), g
            """
        #expect(run(code) == "(106, 0)\n")
    }

    @Test func recursionThroughARebindingGlobal() {
        let code = """
            def down(n):
                if n == 0:
                    return 'done'
                r = down(n - 1)
                return r
            up = down
            def down(n):
                return 'replaced'
            up(3)
            """
        #expect(run(code) == "'replaced'\n")
    }
}

extension MemorySafetyTests {
    @Test func argumentsRebindingTheCalledGlobal() {
        let code = """
            def g():
                global f
                f = None
                xs = [str(i) for i in range(300)]
                return len(xs)
            def f(x, y=1):
                return x + y
            f(g())
            """
        #expect(run(code) == "301\n")
    }
}
