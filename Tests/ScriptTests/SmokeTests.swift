import Testing
@testable import ScriptRuntime

@Test func smoke() {
    print(run("x = 1 + 2\nprint(x, 2.5, 'a')\n[1, 2.5, 'a', (1,), {'a': 1}, None, True]"))
    print(run("def fib(n):\n    if n < 2:\n        return n\n    return fib(n-1) + fib(n-2)\nfib(15)"))
    print(run("s = 0\nfor i in range(1000):\n    s += i\nprint(f'{s:,} {s/7:.3f} {s!r:>8}|')"))
    print(run("hidden = 3\nprint(hiden)"))
    print(run("def f(x):\n    return x / 0\ndef g():\n    return f(1)\ng()"))
    print(run("while True:\n    pass", budget: Budget(operations: 10000, seconds: 10)))
    print(run("def r(n):\n    return r(n + 1)\nr(0)"))
    print(run("x = [i * i for i in range(5) if i % 2 == 0]\nx"))
    print(run("if x\n  y = 1\nz = (1 +\nprint('a'"))
}
