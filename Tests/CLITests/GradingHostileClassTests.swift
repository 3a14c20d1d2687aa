import Foundation
import Testing

/// `rnnbook grade` itself, with hostile submissions beside an honest one: the honest student
/// gets full marks and a feedback page, each hostile one loses only the exercise it attacked.
@Suite(.serialized) struct GradingHostileClassTests {
    @Test func theHonestStudentKeepsFullMarksAndAFeedbackPage() throws {
        let binary = GradingWorkerTests.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "rnnbook binary not found")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lab = GradingWorkerTests.lab
        let source = try folder.write("lab.md", lab)
        let double = GradingWorkerTests.doubleSolution
        let total = GradingWorkerTests.totalSolution
        let submissions = try [
            folder.write("honest.md", lab),
            folder.write("trap.md", lab.replacingOccurrences(of: double, with: "    # trap here\n    return 2 * x\n")),
            folder.write("hang.md", lab.replacingOccurrences(of: total, with: "import torch\nm = torch.ones(8000, 8000)\ntotal = (m @ m @ m).sum()\n")),
            folder.write("claims.md", "---\nstudent: honest\n---\n" + lab.replacingOccurrences(of: "return 2 * x", with: "return 0")),
        ]
        let process = Process()
        process.executableURL = binary
        process.arguments = ["grade", source] + submissions + ["--gradebook", "g.sqlite", "--feedback", "fb", "--csv", "out.csv",
                                                                  "--jobs", "2", "--exercise-timeout", "3"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["RNNBOOK_TEST_WORKER_TRAP"] = "# trap here"
        process.environment = environment
        let out = Pipe()
        let error = Pipe()
        process.standardOutput = out
        process.standardError = error
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(errors)")
        let csv = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        #expect(csv == "student,double,exercise:total,total\nclaims,0,3,3\nhang,2,0,2\nhonest,2,3,5\ntrap,0,3,3\n", "\(text)\n\(errors)")
        #expect(errors.contains("its front matter says 'student: honest', but it is graded as 'claims'"))
        let page = try String(contentsOf: folder.appendingPathComponent("fb/honest.html"), encoding: .utf8)
        #expect(page.contains("5") && page.contains("honest"))
        #expect(text.contains("trap: 3/5 — double 0/2 crashed"), "\(text)")
        #expect(text.contains("hang: 2/5 — double 2/2 passed; total 0/3 crashed"), "\(text)")
    }
}
