import Diagnostics
import Testing
@testable import ScriptRuntime

/// Sets, `collections` values, namedtuples and the `random` module's generator are copied
/// by session snapshots (grading rewinds sessions with them), keeping their behaviour.
@Suite struct StdlibSnapshotTests {
    let file = SourceFile(name: "lab.md", text: String(repeating: "\n", count: 20))

    func run(_ session: ScriptSession, _ code: String) -> String {
        render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs)
    }

    @Test func setsAndCollectionsRewind() throws {
        let session = ScriptSession(seed: 1)
        _ = run(session, """
            from collections import defaultdict, Counter, OrderedDict, namedtuple
            seen = set([3, 1])
            frozen = frozenset([seen and 2])
            groups = defaultdict(list)
            groups['a'].append(1)
            counts = Counter('aab')
            order = OrderedDict(a=1)
            Point = namedtuple('Point', 'x y')
            p = Point([1], 2)
            """)
        let snapshot = try session.snapshot()
        _ = run(session, "seen.add(9)\ngroups['b'].append(2)\ncounts['c'] += 5\norder['z'] = 0\np.x.append(7)")
        try session.restore(snapshot)
        #expect(run(session, "print(seen, frozen, groups, counts, order, p)") ==
                "{1, 3} frozenset({2}) defaultdict(<class 'list'>, {'a': [1]}) Counter({'a': 2, 'b': 1}) OrderedDict([('a', 1)]) Point(x=[1], y=2)\n")
        #expect(run(session, "groups['new'].append(0)\nprint(groups['new'], counts['q'], Point(3, 4), type(p) is Point, frozen in {frozen: 1})") ==
                "[0] 0 Point(x=3, y=4) True True\n")
    }

    @Test func dequesAndPartialsRewind() throws {
        let session = ScriptSession(seed: 1)
        _ = run(session, """
            from collections import deque
            from functools import partial
            buffer = deque([[1]], maxlen=2)
            add = partial(pow, 2)
            """)
        let snapshot = try session.snapshot()
        _ = run(session, "buffer[0].append(5)\nbuffer.append(3)\nbuffer.append(4)")
        try session.restore(snapshot)
        #expect(run(session, "print(buffer, add(3))") == "deque([[1]], maxlen=2) 8\n")
    }

    @Test func randomStreamRewinds() throws {
        let session = ScriptSession(seed: 1)
        _ = run(session, "import random\nrandom.random()")
        let snapshot = try session.snapshot()
        let first = run(session, "print(random.random(), random.randint(0, 1000))")
        try session.restore(snapshot)
        #expect(run(session, "print(random.random(), random.randint(0, 1000))") == first)
    }

    @Test func deepcopyOfAModelIsIndependent() {
        let output = runBlocks(["""
            import copy
            net = Linear(2, 1)
            best = copy.deepcopy(net)
            with no_grad():
                net.weight.zero_()
            print(best.weight.abs().sum().item() > 0, net.weight.abs().sum().item())
            """])
        #expect(output == "True 0.0\n")
    }
}
