import ArgumentParser
import Foundation
import Grading
import Notebook
import Report

/// `rnnbook assign SOURCE.md [-o STUDENT.md]`: writes the student version of a lab.
struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the student version of a lab.",
        discussion: """
            Each '### BEGIN SOLUTION' … '### END SOLUTION' region becomes a todo("…") stub (the \
            text after BEGIN SOLUTION is the prompt); each '### BEGIN HIDDEN TESTS' … \
            '### END HIDDEN TESTS' region is removed; every other byte is kept. The result is \
            checked for leaks: no solution or hidden-test line may survive in it.

            The untouched student version is then graded against the source: an exercise \
            without checks, or whose checks give the stub points, is refused (its points would \
            be free), as is a source that fails with its own solutions. That grading runs the \
            lab; `-p key=value` overrides its parameters (e.g. a short training) for it, and \
            does not change the student version.

            A lab made of several files (a notebook that imports .py modules beside it) is \
            written as a folder: -o names it (default: SOURCE-student/), and it receives the \
            student notebook and each imported module, with the modules' solution regions \
            stubbed and hidden tests removed in the same way, and checked for leaks too.
            """)

    @Argument(help: ArgumentHelp("The instructor's notebook.", valueName: "source.md"))
    var source: String

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Where to write the student version (default: SOURCE-student.md, or the folder SOURCE-student/ for a lab that imports modules).",
        valueName: "student.md|folder"))
    var output: String?

    @Option(name: [.customShort("p"), .customLong("param")], parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Override a front-matter parameter while the stub is graded; repeatable.", valueName: "key=value"))
    var parameters: [String] = []

    func run() throws {
        let console = Console.current
        let notebook = try loadNotebook(source)
        let modules = StudentModules.imported(by: notebook)
        let folderTarget = output.map { $0.hasSuffix("/") || Self.isFolder($0) } ?? !modules.isEmpty
        let stem = (source as NSString).deletingPathExtension
        let target = folderTarget
            ? ((output ?? stem + "-student") as NSString).appendingPathComponent((source as NSString).lastPathComponent)
            : output ?? (stem + "-student.md")
        try OutputPaths.refuseOverwriting(target, "-o", inputs: [(source, "the source notebook")])
        let moduleVersions = try Self.studentModules(modules, of: source, into: (target as NSString).deletingLastPathComponent)
        let assignment = Assignment(notebook)
        report(assignment.diagnostics, to: console)
        guard !assignment.hasErrors else { throw ExitCode(1) }
        let student = StudentVersion.make(assignment)
        let leaks = StudentVersion.leaks(assignment, student: student)
        guard leaks.isEmpty else {
            console.printError("\(source): error: the student version would reveal \(leaks.count) secret line(s):")
            for line in leaks { console.printError("  \(line)") }
            throw ExitCode(1)
        }
        do {
            var settings = GradingSettings()
            settings.parameters = try RunOptions.parse(parameters.flatMap { ["-p", $0] }).parsedParameters()
            // The stub modules are graded with the stub notebook, from a scratch folder.
            let scratch = moduleVersions.isEmpty ? nil : try Self.scratchModules(moduleVersions, modules: modules)
            defer { scratch.map { try? FileManager.default.removeItem(atPath: $0) } }
            let problems = try StudentVersion.stubProblems(assignment, student: student, settings: settings, modules: scratch)
            if !problems.isEmpty {
                for problem in problems { console.printError("\(source): error: \(problem)") }
                throw ExitCode(1)
            }
        } catch let error as GradingError {
            console.printError(error.description)
            throw ExitCode(1)
        }
        if folderTarget {
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            for (path, text) in moduleVersions {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try CourseSite.write(text, to: path)
            }
        }
        try CourseSite.write(student, to: target)
        let points = assignment.totalPoints == assignment.totalPoints.rounded()
            ? String(Int(assignment.totalPoints)) : String(assignment.totalPoints)
        console.print("wrote \(target): \(assignment.exercises.count) exercise\(assignment.exercises.count == 1 ? "" : "s"), \(assignment.checks.count) checks, \(points) points; no solution or hidden test leaked; every check fails on the stub"
                      + (modules.isEmpty ? "" : "; modules: \(modules.joined(separator: ", "))"))
    }

    /// A scratch folder holding the student modules at their relative paths.
    static func scratchModules(_ versions: [(String, String)], modules: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-assign-\(UUID().uuidString)").path
        for ((_, text), relative) in zip(versions, modules) {
            let path = (folder as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try CourseSite.write(text, to: path)
        }
        return folder
    }

    static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The student version of each module (its path in `folder`, its text); refuses misspelt
    /// or unclosed markers, leaks, and writing over a source module.
    static func studentModules(_ modules: [String], of source: String, into folder: String) throws -> [(String, String)] {
        let console = Console.current
        let base = (source as NSString).deletingLastPathComponent
        var versions: [(String, String)] = []
        var failed = false
        for module in modules {
            let path = base.isEmpty ? module : (base as NSString).appendingPathComponent(module)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let (student, problems, leaks) = StudentModules.make(text, file: path)
            for problem in problems { console.printError(problem) }
            if !leaks.isEmpty {
                console.printError("\(path): error: the student version would reveal \(leaks.count) secret line(s):")
                for line in leaks { console.printError("  \(line)") }
            }
            failed = failed || !problems.isEmpty || !leaks.isEmpty
            let target = (folder as NSString).appendingPathComponent(module)
            try OutputPaths.refuseOverwriting(target, "-o", inputs: [(path, "a source module")])
            versions.append((target, student))
        }
        if failed { throw ExitCode(1) }
        return versions
    }
}
