import Testing
@testable import ScriptRuntime

/// `str` searching: Python's results (printed by CPython 3.11 for the same program), and
/// linear time on inputs that made the naive search quadratic.
@Suite struct TextSearchTests {
    @Test func searchMethodsGivePythonsResults() {
        let program = #"""
        s = "a,b,,c,"
        print(s.split(","), s.split(",", 1), s.split(",", 0), s.rsplit(",", 1), s.rsplit(",", 2))
        print("aaaa".count("aa"), "aaaa".find("aa"), "aaaa".rfind("aa"), "aaaa".rindex("a"), "abc".count(""), "abc".rfind(""))
        print("aaaa".replace("aa", "b"), "aaaa".replace("aa", "b", 1), "aaaa".replace("a", "", 0), "abc".replace("", "-", 2))
        print("x=1=2".partition("="), "x=1=2".rpartition("="), "abc".partition("z"), "abc".rpartition("z"))
        print("ab" in "xaby", "" in "", "abab".split("ab"), "héllo wörld".find("wö"), "héllo".replace("é", "e"))
        print("a::b::c".rsplit("::"), "a::b::c".rsplit("::", 1), "aaa".split("aa"), "aaa".rsplit("aa"))
        """#
        #expect(run(program) == """
        ['a', 'b', '', 'c', ''] ['a', 'b,,c,'] ['a,b,,c,'] ['a,b,,c', ''] ['a,b,', 'c', '']
        2 0 2 3 4 3
        bb baa aaaa -a-bc
        ('x', '=', '1=2') ('x=1', '=', '2') ('abc', '', '') ('', '', 'abc')
        True True ['', '', ''] 6 hello
        ['a', 'b', 'c'] ['a::b', 'c'] ['', 'a'] ['a', '']

        """)
    }

    @Test func indexMissingIsValueError() {
        #expect(run(#""abc".index("z")"#).contains("substring not found"))
        #expect(run(#""abc".rindex("z")"#).contains("substring not found"))
    }

    /// Each of these took minutes with Foundation's search (80 s for `find`); in linear
    /// time they finish far inside a five-second budget (debug build, shared machine).
    @Test func adversarialNeedlesRunInLinearTime() {
        let program = #"""
        s = "a" * 200000
        n = "a" * 100000 + "b"
        print(s.find(n), s.rfind(n), s.count(n), n in s, len(s.split(n)), len(s.rsplit(n)), s.partition(n)[1])
        print(len(s.replace(n, "x")), s.find("a" * 100000))
        """#
        #expect(run(program, budget: Budget(operations: 1_000, seconds: 5)) == "-1 -1 0 False 1 1 \n200000 0\n")
    }

    /// Positions count code points, as `len` and indexing do, also past "\r\n" (one
    /// grapheme in Swift, two code points in Python) and accented letters.
    @Test func positionsCountCodePoints() {
        let program = #"""
        t = "a\r\nb=c"
        print(t.find("="), t[t.find("=")], "ünï=x".find("="), "ünï=x".split("="))
        """#
        #expect(run(program) == "4 = 3 ['ünï', 'x']\n")
    }
}
