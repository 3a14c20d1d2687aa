import Testing

/// Programs that go through the interpreter's fast paths: direct calls with positional
/// arguments, operands read inline (`n - 1`, a local, a literal), `if` compiled together
/// with the statements after it, and `return` run inline. Each also has a slow case (a
/// float, an overflow, an unbound name, a non-int comparison) that must behave as before.
let callPathCases: [ProgramCase] = [
    .init("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfib(20)", "6765\n"),
    .init("def f(n):\n    if n > 0:\n        return 'big'\n    if n < 0:\n        return 'small'\n    return 'zero'\nf(1), f(-1), f(0)",
          "('big', 'small', 'zero')\n"),
    .init("def f(n):\n    if n:\n        x = 1\n    else:\n        x = 2\n    return x * 10\nf(0), f(5)", "(20, 10)\n"),
    .init("def f(n):\n    if n:\n        return 1\nprint(f(0))", "None\n"),
    .init("def f(n):\n    if n == 1:\n        return\n    return n\nprint(f(1), f(2))", "None 2\n"),
    .init("for i in range(6):\n    if i == 4:\n        break\n    if i % 2 == 1:\n        continue\n    print(i)", "0\n2\n"),
    .init("def f(xs):\n    for x in xs:\n        if x > 2:\n            return x\n        print(x)\n    return -1\nf([1, 2, 3, 4])", "1\n2\n3\n"),
    .init("if 1 < 2:\n    a = 'yes'\nb = 'after'\na, b", "('yes', 'after')\n"),
    .init("def f(x):\n    return x - 1\nf(2.5), f(True)", "(1.5, 0)\n"),
    .init("def f(a, b):\n    return a - b\nf(10, 3), f(1.5, 0.5)", "(7, 1.0)\n"),
    .init("def f(n):\n    return abs(n - 10)\nf(3)", "7\n"),
    .init("def f(x):\n    return [x]\n[f(i) for i in range(3)]", "[[0], [1], [2]]\n"),
    .init("def f(a, b, c, d):\n    return a + b + c + d\nf(1, 2, 3, 4)", "10\n"),
    .init("def f(a, b, c=3):\n    return a + b + c\nf(1, 2), f(1, 2, 4)", "(6, 7)\n"),
    .init("def f(s):\n    if s < 'b':\n        return 'early'\n    return 'late'\nf('a'), f('c')", "('early', 'late')\n"),
    .init("def f(x):\n    if x < 2:\n        return 'small'\n    return 'large'\nf(1.5), f(2.5)", "('small', 'large')\n"),
    .init("def f(n):\n    return n + 1\nf(9223372036854775807)",
          "error: 2:12: integer overflow in '+': the result does not fit in a 64-bit int (use a float)\n"),
    .init("def f():\n    abs(n - 1)\n    n = 1\nf()",
          "error: 2:9: local variable 'n' referenced before assignment\n"),
    .init("def f(x):\n    if x < 1:\n        return 0\n    return 1\nf('a')",
          "error: 2:8: '<' not supported between instances of 'str' and 'int'\n"),
    .init("if y < 2:\n    pass", "error: 1:4: undefined name 'y'\n"),
    .init("[i for i in range(10, 0, -3)]", "[10, 7, 4, 1]\n"),
    .init("[i for i in range(9223372036854775806, 9223372036854775807, 5)]", "[9223372036854775806]\n"),
    .init("[i + j for i in range(3) if i != 1 for j in [10, 20] if j > 10]", "[20, 22]\n"),
    .init("[c * 2 for c in 'ab' if c < 'b']", "['aa']\n"),
    .init("def f(n):\n    return [i * i for i in range(n) if i % 2 == 1]\nf(8)", "[1, 9, 25, 49]\n"),
    .init("fs = [lambda: i for i in range(3)]\n[f() for f in fs]", "[2, 2, 2]\n"),
    .init("[1 for i in range(3) if i > 'a']",
          "error: 1:25: '>' not supported between instances of 'int' and 'str'\n"),
    .init("[i for i in range(1000)]", "error: 1:13: block exceeded its budget of 100 operations\n", operations: 100),
]

@Test(arguments: callPathCases) func callPaths(_ program: ProgramCase) { check(program) }
