import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// A module imported from a file has its own globals as attributes, not the built-ins its
/// code can call: `helper.print` is Python's AttributeError and `dir(helper)` lists no
/// built-in, while a built-in the module binds itself (`from torch import zeros`, or a
/// `def max`) is its attribute.
@Suite final class ModuleBuiltinAttributeTests {
    static let files = [
        "helper.py": """
            from torch import zeros
            import numpy as np
            def max(a, b):
                return a if a > b else b
            def show(x):
                print("value", x)
            def set_len():
                global len
                len = 3
            LIMIT = abs(-2)
            """,
    ]

    let folder: ModuleFolder
    var root: URL { folder.root }
    init() throws { folder = try ModuleFolder("module-builtins", files: Self.files) }

    func run(_ code: String) -> String { folder.run(code) }

    @Test func builtinsAreNotAttributes() {
        #expect(run("import helper\nhelper.print") == "error: 2:8: module 'helper' has no attribute 'print'\n")
        #expect(run("import helper\nhelper.abs(1)") == "error: 2:1: module 'helper' has no attribute 'abs'\n")
        #expect(run("import helper\nprint(hasattr(helper, 'print'), hasattr(helper, 'show'), getattr(helper, 'len', 'none'))")
                == "False True none\n")
        #expect(run("from helper import print") == "error: 1:20: cannot import name 'print' from 'helper' (helper.py)\n")
    }

    @Test func namesTheModuleBindsAreAttributes() {
        #expect(run("import helper\nhelper.show(helper.max(2, 5))\nprint(helper.zeros(2), helper.LIMIT, helper.np.pi > 3)")
                == "value 5\ntensor([0., 0.]) 2 True\n")
        // A name the module declares global in a function is its attribute once bound.
        #expect(run("import helper\nhelper.set_len()\nprint(helper.len, len([1]))") == "3 1\n")
        #expect(run("from helper import zeros, max\nprint(zeros(1), max(1, 2))") == "tensor([0.]) 2\n")
    }

    /// The names suggested for a misspelt attribute are the module's own (what `dir` lists).
    @Test func suggestionsNameOnlyTheModulesNames() throws {
        #expect(run("import helper\nhelper.shw(1)") == "error: 2:1: module 'helper' has no attribute 'shw' (did you mean 'show'?)\n")
        #expect(run("import helper\nhelper.prnt(1)") == "error: 2:1: module 'helper' has no attribute 'prnt'\n")
        let session = ScriptSession(seed: 1)
        session.fileAccess = .notebook(in: root.path)
        _ = session.run("import helper", origin: BlockOrigin(file: SourceFile(name: "lab.md", text: "\n"), line: 1))
        let module = try #require(session.interpreter.globals[ModuleObject.registryName("helper")]?.value)
        guard case .native(let object as ModuleObject) = module else { Issue.record("helper is not a module"); return }
        #expect(object.attributeNames.filter { !$0.hasPrefix("__") } == ["LIMIT", "max", "np", "set_len", "show", "zeros"])
    }
}
