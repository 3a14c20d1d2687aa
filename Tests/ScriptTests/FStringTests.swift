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
    // `#`, the alternate form.
    .init("f\"{42:#x} {42:#b} {42:#o} {3.0:#.0f}\"", "'0x2a 0b101010 0o52 3.'\n"),
    .init("f'{42:#X} {-42:#x} {42:+#o} {42:#010x} {42:#d} {255:#_b}'", "'0X2A -0x2a +0o52 0x0000002a 42 0b1111_1111'\n"),
    .init("f'{3.0:#} {1e16:#} {3.0:#.3} {3.0:#g} {0.5:#.0%} {3.0:#.0e} {12345.0:#,.0f}'",
          "'3.0 1.e+16 3.00 3.00000 50.% 3.e+00 12,345.'\n"),
    .init("f'{2 ** 20:_x} {True:>3} {True:x} {False}'", "'10_0000   1 1 False'\n"),
    .init("f'{65:,x}'", "error: 1:4: cannot specify ',' with 'x'\n"),
    .init("f'{\"a\":#}'", "error: 1:4: alternate form (#) not allowed in string format specifier\n"),
    .init("f'{65:#c}'", "error: 1:4: alternate form (#) not allowed with integer format specifier 'c'\n"),
    // Fields inside a format spec.
    .init("n = 3\nwidth = 8\nf\"{n*2:>{width}}\"", "'       6'\n"),
    .init("x = 3.14159\np = 2\nf\"{x:.{p}f}|{x:{'>'}{p + 6}.{p}f}|{x:{p!r}}\"", "'3.14|    3.14|3.14159'\n"),
    .init("cols = [('a', 3), ('bb', 5)]\n''.join(f'[{s:^{w}}]' for s, w in cols)", "'[ a ][ bb  ]'\n"),
    .init("def row(w):\n    return f'{1:0{w}d}'\nrow(4)", "'0001'\n"),
    .init("x = 1.5\nw = 'q'\nf'{x:{w}}'", "error: 3:4: invalid format specifier 'q'\n"),
    .init("x = 1\nf'{x:{missing}}'", "error: 2:7: undefined name 'missing'\n"),
    .init("f'{1:{2:{3}}}'", "error: 1:9: f-string: expressions nested too deeply\n"),
    .init("f'{1:{}}'", "error: 1:6: f-string field has no expression\n"),
    .init("f'{[1, 2]:.2f}'", "error: 1:4: unsupported format string passed to list\n"),
    .init("f'{1:.2q}'", "error: 1:4: invalid format specifier '.2q'\n"),
    .init("f'{}'", "error: 1:3: f-string field has no expression\n"),
    .init("f'{x'", "error: 1:3: expected '}' to close the f-string field\n"),
]

@Test(arguments: fstringCases) func fstrings(_ program: ProgramCase) { check(program) }

/// `str.format` and `%` formatting, for code ported from older labs.
let legacyFormattingCases: [ProgramCase] = [
    .init("'{} and {}'.format(1, 'a')", "'1 and a'\n"),
    .init("'{0}{1}{0}'.format('x', 'y')", "'xyx'\n"),
    .init("'{name}: {value:.3f}'.format(name='loss', value=0.12345)", "'loss: 0.123'\n"),
    .init("'{!r} {{}}'.format('a')", "\"'a' {}\"\n"),
    .init("'{} {}'.format(1)", "error: 1:1: replacement index 1 out of range for positional args tuple\n"),
    .init("'{:{}}|{:{w}}'.format(3.14159, 10, 1, w=4), '{0:{1}.{2}f}'.format(3.14159, 10, 3)", "('   3.14159|   1', '     3.142')\n"),
    .init("'{:#x} {:#.0f}'.format(255, 2.0), format(255, '#o'), format(True, '>2')", "('0xff 2.', '0o377', ' 1')\n"),
    .init("'{:{:{}}}'.format(1, 2, 3)", "error: 1:1: max string recursion exceeded\n"),
    .init("'{'.format(1)", "error: 1:1: single '{' encountered in format string\n"),
    .init("'{0'.format(1)", "error: 1:1: expected '}' before end of string\n"),
    .init("'%#x %#o %#.0f' % (255, 8, 3.0)", "'0xff 0o10 3.'\n"),
    .init("'%d items, %.2f%%' % (3, 99.5)", "'3 items, 99.50%'\n"),
    .init("'%s=%r' % ('k', 'v')", "\"k='v'\"\n"),
    .init("'%5d|%-5d|%05d' % (42, 42, 42)", "'   42|42   |00042'\n"),
    .init("'%e' % 12345.678", "'1.234568e+04'\n"),
    .init("'%d' % 'x'", "error: 1:1: %d format: a real number is required, not str\n"),
    .init("'%d %d' % (1,)", "error: 1:1: not enough arguments for format string\n"),
    .init("'%d' % (1, 2)", "error: 1:1: not all arguments converted during string formatting\n"),
]

@Test(arguments: legacyFormattingCases) func legacyFormatting(_ program: ProgramCase) { check(program) }

/// Self-documenting fields `{expr=}` (Python 3.8+): the expression's text as written, spaces
/// kept, then `repr`, or the formatted value with a spec, or `str` with `!s`.
let selfDocumentingFStringCases: [ProgramCase] = [
    .init("x = 1.23456\ns = 'hi'\nd = {'a': 1}\nprint(f\"{x = }|{ x=}|{x=:.3f}|{s=!s}|{s=}|{s=:>5}|{d['a']=}|{x==x=}|{s=!r:>6}|{x = :.2f}\")",
          "x = 1.23456| x=1.23456|x=1.235|s=hi|s='hi'|s=   hi|d['a']=1|x==x=True|s=  'hi'|x = 1.23\n"),
    .init("loss = 0.123456\nprint(f\"{loss=:.3f}\")", "loss=0.123\n"),
    .init("x = 1.23456\nw = 8\nprint(f\"{x=:{w}}|{x = !s}|{x=!r}|{x=!s:>8}\")", "x= 1.23456|x = 1.23456|x=1.23456|x= 1.23456\n"),
    .init("x = 2\nf'{x != 1} {x>=1} {x<=1} {x == 2}'", "'True True False True'\n"),
    .init("t = tensor([1.0, 2.0])\nprint(f\"{t=} {t.shape=} {...=}\")", "t=tensor([1., 2.]) t.shape=torch.Size([2]) ...=Ellipsis\n"),
    .init("f'{y=}'", "error: 1:4: undefined name 'y'\n"),
    .init("f'{=}'", "error: 1:3: f-string field has no expression\n"),
]

@Test(arguments: selfDocumentingFStringCases) func selfDocumentingFStrings(_ program: ProgramCase) { check(program) }
