import Testing

/// f-strings and format specs.
let fstringCases: [ProgramCase] = [
    .init("i = 3\nloss = 0.123456\nprint(f\"Step {i}, loss {loss:.4f}\")", "Step 3, loss 0.1235\n"),
    .init("x = 'ab'\nf'[{x:>8}]'", "'[      ab]'\n"),
    .init("x = 'ab'\nf'[{x:<5}][{x:^6}][{x:*>4}]'", "'[ab   ][  ab  ][**ab]'\n"),
    .init("n = 1234567\nf'{n:,}'", "'1,234,567'\n"),
    .init("n = 1234567.891\nf'{n:,.2f}'", "'1,234,567.89'\n"),
    .init("v = 'a'\nf'{v!r}'", "\"'a'\"\n"),
    .init("f'{1 + 2} and {[1, 2][0]}'", "'3 and 1'\n"),
    .init("f'{{literal}}'", "'{literal}'\n"),
    .init("x = 42\nf'{x:5d}|{x:<5}|{x:05}'", "'   42|42   |00042'\n"),
    .init("f'{0.5:.1%}'", "'50.0%'\n"),
    .init("f'{12345.678:.3e}'", "'1.235e+04'\n"),
    .init("f'{0.0001234:g}'", "'0.0001234'\n"),
    .init("f'{255:x} {255:X} {5:b} {8:o}'", "'ff FF 101 10'\n"),
    .init("f'{3:+d} {-3:+d}'", "'+3 -3'\n"),
    .init("f'{1.5:.3}'", "'1.5'\n"),
    .init("f'{2.0}'", "'2.0'\n"),
    .init("f'{True} {None}'", "'True None'\n"),
    .init("d = {'a': 1}\nf\"{d['a']}\"", "'1'\n"),
    .init("w = 'x'\nf'{w}' 'tail'", "'xtail'\n"),
    .init("f'{\"q\"}'", "'q'\n"),
    .init("x = 1.0\nf'{x:.2f}' + '!'", "'1.00!'\n"),
    .init("f'{[1, 2]:.2f}'", "error: 1:4: unsupported format string passed to list\n"),
    .init("f'{1:.2q}'", "error: 1:4: invalid format specifier '.2q'\n"),
    .init("f'{}'", "error: 1:3: f-string field has no expression\n"),
    .init("f'{x'", "error: 1:3: expected '}' to close the f-string field\n"),
]

@Test(arguments: fstringCases) func fstrings(_ program: ProgramCase) { check(program) }
