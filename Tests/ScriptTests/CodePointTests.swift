import Testing
@testable import ScriptRuntime

/// `str` is a sequence of code points, as in Python: lengths, indices, iteration, equality,
/// order, dict keys and searches count and compare code points, not the grapheme clusters
/// of Swift's `String`, which would make `len("e\u0301")` 1 and `"e\u0301" == "é"` true.
/// Expected lines printed by CPython 3.11 for the same program.
@Suite struct CodePointTests {
    /// Whitespace, line breaks and title case follow CPython's rules (output from CPython 3.11).
    @Test func whitespaceLinesAndTitleAsInPython() {
        let program = #"""
        print(" \u00a0x\u2003 ".strip(), "\x1cy\x1f".strip(), "  a b  c  ".split(None, 1), "a b c".split(maxsplit=0), " ".split(), "xx".strip(None))
        print("a\nb\n".splitlines(), "a\r\nb\rc\x0bd\u2028e".splitlines(), "a\r\nb\n".splitlines(True), "".splitlines(), "\n".splitlines())
        print("Hello World's".title(), "hello-world 3rd \u01c6x".title(), "\u00dfa".title(), "ABC def".title())
        print("\u01c6A".capitalize(), "\u00df".capitalize(), "e\u0301X".capitalize() == "E\u0301x", "".capitalize() == "")
        """#
        #expect(run(program) == """
        x y ['a', 'b  c  '] ['a b c'] [] xx
        ['a', 'b'] ['a', 'b', 'c', 'd', 'e'] ['a\\r\\n', 'b\\n'] [] ['']
        Hello World'S Hello-World 3Rd \u{1c5}x Ssa Abc Def
        \u{1c5}a Ss True True

        """)
    }

    @Test func stringsAreCodePointsAsInPython() {
        let program = #"""
        s = "e\u0301x"
        print(len(s), s.find("x"), repr(s[1]), [ord(c) for c in s], s[::-1] == "x\u0301e", len(list(s)))
        print("e\u0301" == "\u00e9", "\u00e9" < "e\u0301", "e\u0301" in {"\u00e9": 1}, len({"e\u0301", "\u00e9"}))
        print(s.startswith("e"), "\u00e9".startswith("e"), s.removeprefix("e") == "\u0301x", s.find("\u0301"), s.count("\u0301"))
        print(f"[{s:>5}]" == "[  " + s + "]", len(s.center(7)), s.split("\u0301"), s.strip("e"), ("a\r\nb").find("b"), len("a\r\nb"))
        print(sorted(["b", "\u00e9", "e\u0301", "a"]) == ["a", "b", "e\u0301", "\u00e9"], format('h\u00e9llo', '.2'), "abc".replace("", "-"), "e\u0301".replace("", "|") == "|e|\u0301|")
        """#
        #expect(run(program) == """
        3 2 '\u{301}' [101, 769, 120] True 3
        False False False 2
        True False True 1 1
        True 7 ['e', 'x'] \u{301}x 3 4
        True hé -a-b-c- True

        """)
    }
}
