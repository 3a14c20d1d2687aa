import Diagnostics
import ScriptSyntax
import Testing
@testable import ScriptRuntime

/// A stand-in for an engine type, registered the way Tensor, models and plots will be.
final class Vector: NativeObject {
    var values: [Double]
    var label = "v"

    init(_ values: [Double]) {
        self.values = values
    }

    var typeName: String { "Vector" }
    func repr() -> String { "Vector(\(values.map(Value.formatFloat).joined(separator: ", ")))" }
    var attributeNames: [String] { ["shape", "label", "sum", "scaled"] }

    func attribute(_ name: String, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "shape": return .tuple([.int(values.count)])
        case "label": return .str(label)
        default: return nil
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws -> Bool {
        guard name == "label", case .str(let text) = value else { return false }
        label = text
        return true
    }

    func callMethod(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "sum":
            _ = try Signature("sum").bind(arguments)
            return .float(values.reduce(0, +))
        case "scaled":
            let args = try Signature("scaled", ["factor"], keywordOnly: ["offset"]).bind(arguments)
            let factor = try args.double("factor", 1)
            let offset = try args.double("offset", 0)
            return .native(Vector(values.map { $0 * factor + offset }))
        default: return nil
        }
    }

    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        let rhs: [Double]
        if case .native(let object) = other, let vector = object as? Vector {
            guard vector.values.count == values.count else {
                throw RuntimeError.value("shapes (\(values.count),) and (\(vector.values.count),) do not match")
            }
            rhs = vector.values
        } else if let number = other.number {
            rhs = Array(repeating: number, count: values.count)
        } else {
            return nil
        }
        if op == .matmul { return .float(zip(values, rhs).map(*).reduce(0, +)) }
        let (a, b) = reflected ? (rhs, values) : (values, rhs)
        switch op {
        case .add: return .native(Vector(zip(a, b).map(+)))
        case .subtract: return .native(Vector(zip(a, b).map(-)))
        case .multiply: return .native(Vector(zip(a, b).map(*)))
        default: return nil
        }
    }

    func unary(_ op: UnaryOperator) throws -> Value? {
        op == .negate ? .native(Vector(values.map { -$0 })) : nil
    }

    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .greater, let number = other.number else { return nil }
        return .list(ListObject(values.map { .bool($0 > number) }))
    }

    func getItem(_ index: Value) throws -> Value? {
        if case .native(let object) = index, let slice = object as? SliceObject {
            return .native(Vector(try slice.positions(count: values.count).map { values[$0] }))
        }
        var i = try index.asInt("Vector index")
        if i < 0 { i += values.count }
        guard values.indices.contains(i) else { throw RuntimeError.index("Vector index out of range") }
        return .float(values[i])
    }

    func setItem(_ index: Value, _ value: Value) throws -> Bool {
        values[try index.asInt("Vector index")] = try value.asDouble("Vector value")
        return true
    }

    func length() throws -> Int? { values.count }

    func makeIterator() throws -> (() throws -> Value?)? {
        var position = 0
        return { [values] in
            defer { position += 1 }
            return position < values.count ? .float(values[position]) : nil
        }
    }

    func display(_ interpreter: Interpreter) -> BlockOutput? {
        label == "figure" ? .figure(svg: "<svg/>", title: "vector") : nil
    }

    func format(_ spec: String) throws -> String? {
        let parsed = try FormatSpec(spec)
        return try values.map { try parsed.format(.float($0)) }.joined(separator: " ")
    }
}

final class GradMode {
    var enabled = true
    var figures = 0
}

func extendedSession(_ mode: GradMode) -> ScriptSession {
    var registry = Registry.standard()
    registry.function("vector", Signature("vector", ["values"])) { args, interpreter in
        let items = try interpreter.collect(args.value("values"))
        return .native(Vector(try items.map { try $0.asDouble("vector() values") }))
    }
    registry.function("grad_enabled", Signature("grad_enabled")) { _, _ in .bool(mode.enabled) }
    registry.hooks.noGradEnter = { _ in mode.enabled = false }
    registry.hooks.noGradExit = { _ in mode.enabled = true }
    registry.module("plt") { plt in
        plt.function("plot", Signature("plot", ["x", "y"], required: 1, keywordOnly: ["color", "label"])) { _, _ in
            mode.figures += 1
            return .none
        }
    }
    registry.hooks.blockEnd.append { interpreter in
        while mode.figures > 0 {
            mode.figures -= 1
            interpreter.emit(.figure(svg: "<svg/>", title: "plot"))
        }
    }
    return ScriptSession(seed: 0, parameters: [:], registry: registry)
}

@Suite struct ExtensionTests {
    func run(_ code: String) -> String {
        let session = extendedSession(GradMode())
        let result = session.run(code, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: code), line: 1))
        return render(result.outputs)
    }

    @Test func nativeOperatorsAttributesAndMethods() {
        #expect(run("v = vector([1, 2, 3])\nw = v * 2 + 1\nw") == "Vector(3.0, 5.0, 7.0)\n")
        #expect(run("v = vector([1, 2])\n10 - v, -v, v @ v, v > 1") == "(Vector(9.0, 8.0), Vector(-1.0, -2.0), 5.0, [False, True])\n")
        #expect(run("v = vector([1, 2, 3])\nv.shape, v.sum(), len(v), v[-1], v[::2]") == "((3,), 6.0, 3, 3.0, Vector(1.0, 3.0))\n")
        #expect(run("v = vector([1, 2])\nv.scaled(2, offset=1)") == "Vector(3.0, 5.0)\n")
        #expect(run("v = vector([1, 2])\nv[0] = 5\nv.label = 'w'\nv[0] += 1\n(v, v.label)") == "(Vector(6.0, 2.0), 'w')\n")
        #expect(run("v = vector([1, 2])\n[x * 10 for x in v], sum(v), f'{v:.1f}'") == "([10.0, 20.0], 3.0, '1.0 2.0')\n")
        #expect(run("v = vector([1.5])\nif v:\n    print('truthy via len')") == "truthy via len\n")
    }

    @Test func nativeErrorsAreClear() {
        #expect(run("v = vector([1, 2])\nv.shapes") == "error: 2:3: 'Vector' object has no attribute 'shapes' (did you mean 'shape'?)\n")
        #expect(run("v = vector([1, 2])\nv.scaled(2, ofset=1)") == "error: 2:1: scaled() got an unexpected keyword argument 'ofset' (did you mean 'offset'?)\n")
        #expect(run("v = vector([1, 2])\nw = vector([1])\nx = v + w") == "error: 3:5: shapes (2,) and (1,) do not match\n")
        #expect(run("v = vector([1])\nv / 'a'") == "error: 2:1: unsupported operand types for /: 'Vector' and 'str'\n")
        #expect(run("v = vector([1])\nv.shape = (2,)") == "error: 2:3: attribute 'shape' of 'Vector' object is read-only\n")
    }

    @Test func modulesHooksAndFigures() {
        let output = run("plt.plot([1, 2], color='red')\nwith no_grad():\n    print(grad_enabled())\nprint(grad_enabled())")
        #expect(output == "False\nTrue\n<figure plot>\n")
        #expect(run("plt.plot([1], colour='red')") == "error: 1:1: plot() got an unexpected keyword argument 'colour' (did you mean 'color'?)\n")
        #expect(run("plt.plott([1])") == "error: 1:1: module 'matplotlib.pyplot' has no attribute 'plott' (did you mean 'plot'?)\n")
    }

    @Test func noGradExitRunsEvenWhenTheBodyFails() {
        let mode = GradMode()
        let session = extendedSession(mode)
        let code = "with no_grad():\n    1 / 0"
        let result = session.run(code, origin: BlockOrigin(file: SourceFile(name: "lab.md", text: code), line: 1))
        #expect(result.failed)
        #expect(mode.enabled)
    }

    @Test func nativeObjectsChooseHowTheyDisplay() {
        #expect(run("v = vector([1])\nv.label = 'figure'\nv") == "<figure vector>\n")
    }

    @Test func nativeCodeCanCallUserFunctions() {
        #expect(run("def key(x):\n    return -x\nsorted([1, 3, 2], key=key)") == "[3, 2, 1]\n")
    }
}
