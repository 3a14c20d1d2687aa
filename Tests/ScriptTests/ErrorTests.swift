import Diagnostics
@testable import ScriptRuntime
import Testing

/// Runtime and syntax errors with their positions.
let errorCases: [ProgramCase] = [
    .init("hidden = 1\nprint(hiden)", "error: 2:7: undefined name 'hiden' (did you mean 'hidden'?)\n"),
    .init("x = 1 / 0", "error: 1:5: division by zero\n"),
    .init("x = 1 // 0", "error: 1:5: integer division by zero\n"),
    .init("x = 5 % 0", "error: 1:5: integer modulo by zero\n"),
    .init("x = 1.0 / 0", "error: 1:5: float division by zero\n"),
    .init("1 + 'a'", "error: 1:1: unsupported operand types for +: 'int' and 'str'\n"),
    .init("[1, 2][5]", "error: 1:1: list index 5 out of range (length 2)\n"),
    .init("{'a': 1}['b']", "error: 1:1: key 'b' not found in dict\n"),
    .init("x = 3\nx()", "error: 2:1: 'int' object is not callable\n"),
    .init("x = [1]\nx.apend(2)", "error: 2:1: 'list' object has no attribute 'apend' (did you mean 'append'?)\n"),
    .init("len(1)", "error: 1:1: object of type 'int' has no len()\n"),
    .init("print('a', colour=1)", "error: 1:1: print() got an unexpected keyword argument 'colour'\n"),
    .init("sorted([1], revers=True)", "error: 1:1: sorted() got an unexpected keyword argument 'revers' (did you mean 'reverse'?)\n"),
    .init("def f(a):\n    return a\nf()", "error: 3:1: f() missing required argument 'a'\n"),
    .init("def f(a):\n    return a\nf(1, 2)", "error: 3:1: f() takes 1 positional argument but 2 were given\n"),
    .init("def f(a):\n    return a\nf(b=1)", "error: 3:1: f() got an unexpected keyword argument 'b' (did you mean 'a'?)\n"),
    .init("def f(alpha):\n    return alpha\nf(alpah=1)", "error: 3:1: f() got an unexpected keyword argument 'alpah' (did you mean 'alpha'?)\n"),
    .init("def f(*, k):\n    return k\nf()", "error: 3:1: f() missing required keyword-only argument 'k'\n"),
    .init("def f():\n    y = x + 1\n    x = 2\nf()", "error: 2:9: local variable 'x' referenced before assignment\n"),
    .init("assert 1 > 2, 'one is not more than two'", "error: 1:8: assertion failed: one is not more than two\n"),
    .init("assert False", "error: 1:8: assertion failed\n"),
    .init("a, b = [1, 2, 3]", "error: 1:1: too many values to unpack (expected 2, got 3)\n"),
    .init("a, b, c = [1, 2]", "error: 1:1: not enough values to unpack (expected 3, got 2)\n"),
    .init("for x in 5:\n    pass", "error: 1:10: 'int' object is not iterable\n"),
    .init("print(1 in 2)", "error: 1:7: argument of type 'int' is not iterable\n"),
    .init("x = 2.5\nprint(1 not in x)", "error: 2:7: argument of type 'float' is not iterable\n"),
    .init("x = 2\nif 1 in x:\n    pass", "error: 2:4: argument of type 'int' is not iterable\n"),
    .init("[i for i in range(3) if i in 2]", "error: 1:25: argument of type 'int' is not iterable\n"),
    .init("0 < 1 in 2", "error: 1:1: argument of type 'int' is not iterable\n"),
    .init("int('abc')", "error: 1:1: invalid literal for int() with base 10: 'abc'\n"),
    .init("float('x')", "error: 1:1: could not convert string to float: 'x'\n"),
    .init("[1] < 'a'", "error: 1:1: '<' not supported between instances of 'list' and 'str'\n"),
    .init("{[1]: 2}", "error: 1:1: unhashable type: 'list'\n"),
    .init("'abc'[1] = 'x'", "error: 1:1: 'str' object does not support item assignment\n"),
    .init("x = 1\nx.y = 2", "error: 2:3: cannot set attribute 'y' on a 'int' object\n"),
    .init("x = None\nx.shape", "error: 2:3: 'NoneType' object has no attribute 'shape'\n"),
    .init("[].pop()", "error: 1:1: pop from empty list\n"),
    .init("range(1, 2, 0)", "error: 1:1: range() arg 3 must not be zero\n"),
    .init("min([])", "error: 1:1: min() arg is an empty sequence\n"),
    .init("0.0 ** -1", "error: 1:1: 0.0 cannot be raised to a negative power\n"),
    .init("9223372036854775807 + 1", "error: 1:1: integer overflow in '+': the result does not fit in a 64-bit int (use a float)\n"),
    .init("', '.join([1, 2])", "error: 1:1: sequence item 0: expected str instance, int found\n"),
    .init("x = (1,\n     2 +\n     'a')", "error: 2:6: unsupported operand types for +: 'int' and 'str'\n"),
    .init("def f(x):\n    return x / 0\ndef g():\n    return f(1) + 1\ng()", "error: 2:12: division by zero\n"),
    // Syntax errors: every error of a block is reported.
    .init("if x\n    y = 1", "error: 1:5: expected ':' after 'if' condition, found end of line\n"),
    .init("x = (1, 2", "error: 1:5: '(' was never closed\n"),
    .init("x = [1, 2\ny = 3", "error: 1:5: '[' was never closed\n"),
    .init("x = [1, 2\nif y\n    z = 1\nprint(1)", "error: 1:5: '[' was never closed\n"),
    .init("x = (1, 2]", "error: 1:10: expected ')' to close the '(' at 1:5, found ']'\n"),
    .init("ok = 1\nf(a, b\nprint(ok)", "error: 2:2: '(' was never closed\n"),
    .init("x = 1 +\ny = = 2\nprint('not run')", "error: 1:8: expected an expression, found end of line\nerror: 2:5: expected an expression, found '='\n"),
    .init("def f(1):\n    pass\nz = )", "error: 1:7: expected a parameter name, found number 1\nerror: 3:5: expected an expression, found ')'\n"),
    .init("x = 1\n  y = 2", "error: 2:3: unexpected indent\n"),
    .init("if True:\n    x = 1\n  y = 2", "error: 3:3: unindent does not match any outer indentation level\n"),
    .init("if True:\n\tx = 1", "error: 2:1: tab in indentation; indent with spaces\n"),
    .init("def f():\nreturn 1", "error: 2:1: expected an indented block after the function header\n"),
    .init("x = 'abc", "error: 1:5: unterminated string literal\n"),
    .init("x = 3 $ 4", "error: 1:7: invalid character '$' in code\n"),
    .init("break", "error: 1:1: 'break' outside loop\n"),
    .init("return 1", "error: 1:1: 'return' outside function\n"),
    .init("1 = x", "error: 1:1: cannot assign to this expression\n"),
    .init("f(x=1, 2)", "error: 1:8: positional argument follows keyword argument\n"),
    .init("def gen():\n    yield 1", "error: 2:5: 'yield' (generators) is not supported in rnn code; build and return a list instead\n"),
    .init("x = 99999999999999999999", "error: 1:5: integer literal too large for a 64-bit int\n"),
    .init("def f(a=1, b):\n    pass", "error: 1:12: parameter without a default follows a parameter with a default\n"),
    .init("x = " + String(repeating: "(", count: 130) + "1" + String(repeating: ")", count: 130),
          "error: 1:105: code is nested too deeply\n"),
]

@Test(arguments: errorCases) func errors(_ program: ProgramCase) { check(program) }

/// A place that a syntax error's message names is mapped into the notebook like the error's
/// own position.
@Test func placesInSyntaxErrorMessagesAreNotebookPositions() {
    #expect(runBlocks(["x = 1\ny = 2", "z = (1, 2]"])
        == "error: 3:10: expected ')' to close the '(' at 3:5, found ']'\n")
    let session = ScriptSession(seed: 1)
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 12))
    let result = session.run("x = [\n  1,\n  2)", origin: BlockOrigin(file: file, line: 9, column: 4))
    #expect(result.error?.header == "lab.md:11:7: error: expected ']' to close the '[' at 9:8, found ')'")
}

/// Extreme ints never trap.
let overflowCases: [ProgramCase] = [
    .init("len(range(-9223372036854775807, 9223372036854775807))", "error: 1:1: range is too long to have a length\n"),
    .init("9223372036854775807 in range(-9223372036854775807, 0)", "False\n"),
    .init("round(9223372036854775807, -1)", "error: 1:1: integer overflow in 'round': the result does not fit in a 64-bit int (use a float)\n"),
    .init("-(-9223372036854775807 - 1)", "error: 1:1: integer overflow in '-': the result does not fit in a 64-bit int (use a float)\n"),
    .init("(-9223372036854775807 - 1) // -1", "error: 1:1: integer overflow in '//': the result does not fit in a 64-bit int (use a float)\n"),
    .init("(-9223372036854775807 - 1) % -1", "0\n"),
    .init("abs(-9223372036854775807 - 1)", "error: 1:1: integer overflow in 'abs': the result does not fit in a 64-bit int (use a float)\n"),
    .init("int(1e300)", "error: 1:1: integer overflow in 'int': the result does not fit in a 64-bit int (use a float)\n"),
    .init("10 ** 19", "error: 1:1: integer overflow in '**': the result does not fit in a 64-bit int (use a float)\n"),
    .init("[0] * 100000000", "error: 1:1: the repeated sequence would hold 100000000 items, more than the limit of 10000000\n"),
    // Growth by doubling ends at the size limit, not with the machine out of memory.
    .init("l = [1]\nfor i in range(40):\n    l = l + l", "error: 3:9: the joined list would hold 16777216 items, more than the limit of 10000000\n"),
    .init("s = 'ab'\nfor i in range(40):\n    s += s", "error: 3:5: the string would be 16777216 characters long, more than the limit of 10000000\n"),
    .init("t = (1,)\nfor i in range(40):\n    t = t + t", "error: 3:9: the joined tuple would hold 16777216 items, more than the limit of 10000000\n"),
    .init("l = [1]\nfor i in range(40):\n    l.extend(l)", "error: 3:5: the list would hold 16777216 items, more than the limit of 10000000\n"),
    .init("l = [1]\nfor i in range(40):\n    l += l", "error: 3:5: the list would hold 16777216 items, more than the limit of 10000000\n"),
    .init("('x' * 1000000).replace('x', 'yyyyyyyyyyyyy')", "error: 1:1: the replaced string would be 13000000 characters long, more than the limit of 10000000\n"),
    .init("','.join(['a' * 1000000] * 20)", "error: 1:1: the joined string would be 20000019 characters long, more than the limit of 10000000\n"),
]

@Test(arguments: overflowCases) func overflows(_ program: ProgramCase) { check(program) }
