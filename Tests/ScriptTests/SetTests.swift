import Testing

/// `set` and `frozenset`: methods, operators, CPython's iteration order and hashes (expected
/// outputs are CPython 3.11's with PYTHONHASHSEED=0, the string hash rnnbook uses).
let setCases: [ProgramCase] = [
    .init("print(set([3, 1, 2]), set(), frozenset([2, 1]), frozenset())", "{1, 2, 3} set() frozenset({1, 2}) frozenset()\n"),
    .init("s = set([10, 2, 33, 8])\nprint(s, len(s), 2 in s, 5 in s, 5 not in s)", "{8, 33, 10, 2} 4 True False True\n"),
    .init("print(set(range(20, 0, -3)), set(range(1000, 0, -7)).pop())", "{2, 5, 8, 11, 14, 17, 20} 517\n"),
    .init("s = set([10, 2, 33, 8])\ns.add(7)\ns.discard(10)\ns.discard(99)\ns.remove(2)\nprint(s, sorted(s))", "{33, 7, 8} [7, 8, 33]\n"),
    .init("a = set([1, 2, 3, 4])\nb = set([3, 4, 5])\nprint(a | b, a & b, a - b, a ^ b, b - a, b ^ a)", "{1, 2, 3, 4, 5} {3, 4} {1, 2} {1, 2, 5} {5} {1, 2, 5}\n"),
    .init("a = set([1, 2, 3, 4])\nprint(a.union([9, 8]), a.intersection([4, 1, 7]), a.difference([1]), a.symmetric_difference([1, 9]))", "{1, 2, 3, 4, 8, 9} {1, 4} {2, 3, 4} {2, 3, 4, 9}\n"),
    .init("a = set([1, 2, 3, 4])\nb = set([3, 4, 5])\nprint(a <= b, set([3]) <= b, set([3]) < b, b >= set([3, 4]), b > b, a == set([4, 3, 2, 1]), a != b, a == [1])", "False True True True False True True False\n"),
    .init("a = set([1, 2, 3, 4])\nprint(a.issubset([1, 2, 3, 4, 5]), a.issuperset([1]), a.isdisjoint([9]), a.isdisjoint(set([4])))", "True True True False\n"),
    .init("a = set([1, 2])\nc = a.copy()\nc.clear()\nprint(c, a)", "set() {1, 2}\n"),
    .init("p = set([5, 6, 7])\nprint(p.pop(), p.pop(), p)", "5 6 {7}\n"),
    .init("u = set()\nu.update([1, 2], (3,), 'ab')\nprint(len(u), sorted(u, key=str))", "5 [1, 2, 3, 'a', 'b']\n"),
    .init("print(set(['a', 'b', 'c', 'hello']), set('hello world'))", "{'c', 'a', 'b', 'hello'} {' ', 'd', 'r', 'h', 'o', 'e', 'w', 'l'}\n"),
    .init("print(set([(1, 2), (3, 4), (0, 0)]), set([1.5, 2.5, 0.1]), set([1, 1.0, True]), set([-1, -2, 5, 100, 64, 8, 16]))", "{(1, 2), (3, 4), (0, 0)} {0.1, 1.5, 2.5} {1} {64, 100, 5, 8, 16, -2, -1}\n"),
    .init("m = set(range(100))\nm -= set(range(0, 100, 3))\nprint(sorted(m)[:5], len(m), list(m)[:5])", "[1, 2, 4, 5, 7] 66 [1, 2, 4, 5, 7]\n"),
    .init("m2 = set([1, 2])\nalias = m2\nm2 |= set([3])\nm2 &= set([2, 3, 4])\nm2 ^= set([9])\nm2 -= set([2])\nprint(alias, alias is m2)", "{9, 3} True\n"),
    .init("d = {frozenset([1]): 'x'}\nprint(d[frozenset([1])], frozenset([1, 2]) == set([2, 1]), frozenset([1]) | set([2]), set([2]) | frozenset([1]))", "x True frozenset({1, 2}) {1, 2}\n"),
    .init("print(hash(frozenset([1, 2, 3])), hash(frozenset()), hash(frozenset(['a'])))", "-272375401224217160 133146708735736 -7857795138424989601\n"),
    .init("total = 0\nfor e in set([4, 5]):\n    total += e\nprint(total, [x * 2 for x in set([1, 2])], sorted(set([3, 1])), list(set([2, 1])))", "9 [2, 4] [1, 3] [1, 2]\n"),
    .init("s = set([1, 2, 3])\ns.intersection_update([2, 3, 4])\nprint(s)\ns.difference_update([3])\nprint(s)\ns.symmetric_difference_update([2, 7])\nprint(s)", "{2, 3}\n{2}\n{7}\n"),
    .init("print(set({'b': 1, 'a': 2}), set(x % 3 for x in range(10)) if False else set([x % 3 for x in range(10)]))", "{'a', 'b'} {0, 1, 2}\n"),
    .init("print(set([1, 2]).union(), set([1, 2]).intersection(), set([1, 2, 3]).difference([1], [2]), set([1, 2]).union([3], [4]))", "{1, 2} {1, 2} {3} {1, 2, 3, 4}\n"),
    .init("print(str(set([1])), repr(frozenset([1])), bool(set()), bool(set([0])), len(frozenset('abca')))", "{1} frozenset({1}) False True 3\n"),
    .init("print(hash(1), hash(1.5), hash(-1), hash('a'), hash(''), hash('hello'), hash('é'), hash((1, 2)), hash(()), hash(True), hash(None) == hash(None))", "1 1152921504606846977 -2 4644417185603328019 0 -2096571579003691106 6047309291227476195 -3550055125485641917 5740354900026072187 1 True\n"),
    .init("print(hash(2 ** 62), hash(-2 ** 62), hash(1e300), hash(float('inf')), hash(-0.0), hash(2.0) == hash(2))", "2 -2 1224995262755759164 314159 0 True\n"),
    .init("s = set([1])\ns.remove(5)", "error: 2:1: 5\n"),
    .init("set().pop()", "error: 1:1: 'pop from an empty set'\n"),
    .init("set([[1]])", "error: 1:1: unhashable type: 'list'\n"),
    .init("hash({})", "error: 1:1: unhashable type: 'dict'\n"),
    .init("{set([1]): 1}", "error: 1:1: unhashable type: 'set'\n"),
    .init("frozenset([1]).add(2)", "error: 1:1: 'frozenset' object has no attribute 'add'\n"),
    .init("set([1]) | [2]", "error: 1:1: unsupported operand types for |: 'set' and 'list'\n"),
    .init("set([1]) < [2]", "error: 1:1: '<' not supported between instances of 'set' and 'list'\n"),
    .init("s = set([1, 2])\nfor x in s:\n    s.add(x + 10)", "error: 2:10: Set changed size during iteration\n"),
]

@Test(arguments: setCases) func sets(_ program: ProgramCase) { check(program) }
