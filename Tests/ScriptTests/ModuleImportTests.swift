import Diagnostics
import Foundation
import Testing
@testable import ScriptRuntime

/// Notebooks import modules written in the language from `.py` files beside them.
@Suite final class ModuleImportTests {
    static let files = [
        "models/students_rnn.py": """
            import torch
            from torch import nn
            print("loading students_rnn")
            count = 0

            class StudentRNN(nn.Module):
                def __init__(self, n_in, hidden):
                    super().__init__()
                    self.rnn = nn.GRU(n_in, hidden, batch_first=True)

                def forward(self, x):
                    out, _ = self.rnn(x)
                    return out

            def bump():
                global count
                count += 1
                return count
            """,
        "competency_task_students.py": """
            from models.students_rnn import bump
            import helpers.util as u
            SCALE = u.double(len([1, 2]))
            def observe(x):
                return x * SCALE
            """,
        "helpers/__init__.py": "NAME = 'helpers'\n",
        "helpers/util.py": "def double(x):\n    return 2 * x\n",
        "helpers/more.py": "from .util import double\nfrom . import util\nfrom .. import nothing\n",
        "helpers/twice.py": "from .util import double as d\nfrom . import util\nVALUE = d(util.double(1))\n",
        "broken.py": "x = 1\ndef f():\n    return undefined_name\ny = f()\n",
        "syntax.py": "x = (1,\n",
        "numpy.py": "print('never')\n",
    ]

    let folder: ModuleFolder
    var root: URL { folder.root }
    init() throws { folder = try ModuleFolder("modules", files: Self.files) }

    func run(_ code: String) -> String { folder.run(code) }

    @Test func importFormsBindAsPython() {
        #expect(run("""
            import torch
            import models.students_rnn
            from models.students_rnn import StudentRNN
            import competency_task_students as cts
            from models import students_rnn
            net = StudentRNN(3, 4)
            print(type(models).__name__, models.students_rnn is students_rnn, cts.SCALE, cts.observe(1.5))
            print(tuple(net(torch.zeros(2, 5, 3)).shape), students_rnn.__name__, cts.__file__)
            """) == """
            loading students_rnn
            module True 4 6.0
            (2, 5, 4) models.students_rnn competency_task_students.py

            """)
    }

    @Test func eachModuleRunsOnceWithItsOwnGlobals() {
        #expect(run("""
            count = 100
            import models.students_rnn as m
            import competency_task_students as cts
            print(cts.bump(), m.bump(), m.count, count)
            m.count = 10
            print(m.bump())
            """) == "loading students_rnn\n1 2 2 100\n11\n")
    }

    @Test func errorsPointIntoTheModuleFile() {
        let session = ScriptSession(seed: 0)
        session.fileAccess = .notebook(in: root.path)
        let notebook = SourceFile(name: "lab.md", text: "\n\n\n")
        let first = session.run("import broken", origin: BlockOrigin(file: notebook, line: 1)).outputs
        guard case .error(let error)? = first.last else { Issue.record("no error: \(first)"); return }
        #expect(error.file.name == "broken.py")
        #expect(error.range.start.line == 3 && error.range.start.column == 12)
        #expect(error.message == "undefined name 'undefined_name'")
        let second = session.run("import syntax", origin: BlockOrigin(file: notebook, line: 1)).outputs
        guard case .error(let syntax)? = second.last else { Issue.record("no error: \(second)"); return }
        #expect(syntax.file.name == "syntax.py")
        // A failed module is not kept: importing it again runs it again.
        let again = render(session.run("import broken", origin: BlockOrigin(file: notebook, line: 1)).outputs)
        #expect(again.contains("undefined name"))
    }

    @Test func builtinModulesWinWithAWarning() {
        #expect(run("import numpy as np\nimport numpy\nprint(np.zeros(2))") == """
            warning: 1:1: 'numpy.py' has the name of the built-in module 'numpy', which is the one imported; rename the file to import it
            [0. 0.]

            """)
    }

    @Test func relativeImportsResolveInTheirPackage() {
        #expect(run("from helpers.twice import VALUE\nprint(VALUE)") == "4\n")
        #expect(run("import helpers.more") == "error: 3:16: attempted relative import beyond top-level package\n")
        #expect(run("from . import x") == "error: 1:15: attempted relative import with no known parent package\n")
    }

    @Test func missingModulesAndNamesAreImportErrors() {
        let output = run("import nothing_here")
        #expect(output.hasPrefix("error: 1:8: no module named 'nothing_here'; rnnbook provides"))
        #expect(run("from helpers import nope") == "error: 1:21: cannot import name 'nope' from 'helpers' (helpers/__init__.py)\n")
        #expect(run("import helpers.missing") == "error: 1:8: no module named 'helpers.missing'\n")
        #expect(run("from helpers import *").contains("is not supported for your own modules"))
    }

    /// `__import__` is callable by name: an empty or dots-only name is an error, not a trap.
    @Test func emptyModuleNamesAreValueErrors() {
        #expect(run("__import__('')") == "error: 1:1: Empty module name\n")
        #expect(run("__import__('.')") == "error: 1:1: attempted relative import with no known parent package\n")
        #expect(run("__import__('..', None, 'helpers')") == "error: 1:1: attempted relative import beyond top-level package\n")
        #expect(run("__import__('.', None, 'helpers').NAME") == "'helpers'\n")
    }

    @Test func modulesAreReadOnlyThroughTheFilePolicy() {
        #expect(runBlocks(["import competency_task_students"]).hasPrefix("error: 1:8: no module named 'competency_task_students'"))
    }

    @Test func modulesSurviveSnapshots() throws {
        let session = ScriptSession(seed: 0)
        session.fileAccess = .notebook(in: root.path)
        let file = SourceFile(name: "lab.md", text: "\n\n\n")
        func run(_ code: String) -> String { render(session.run(code, origin: BlockOrigin(file: file, line: 1)).outputs) }
        _ = run("import models.students_rnn as m\nm.bump()")
        let snapshot = try session.snapshot()
        #expect(run("print(m.bump(), m.count)") == "2 2\n")
        try session.restore(snapshot)
        #expect(run("print(m.bump())\nimport models.students_rnn\nprint(models.students_rnn.count)") == "2\n2\n")
        #expect(session.importedFiles.keys.map { URL(fileURLWithPath: $0).lastPathComponent } == ["students_rnn.py"])
    }
}
