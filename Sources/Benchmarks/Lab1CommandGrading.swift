import Foundation

/// Grades `count` Lab 1 submissions (the grading tests' examples, repeated) with the release
/// `rnnbook grade --jobs 2`, as a grader runs it: forked workers, one reference run, the
/// gradebook, CSV and feedback pages written. Prints the wall time of the whole command
/// (reference run included), submissions per second over it, the program's own figure
/// after the reference, and the CPU of every process. Run from the checkout's top folder
/// after `swift build -c release --product rnnbook`.
func lab1CommandGrading(count: Int = 300) throws {
    let binary = ".build/release/rnnbook"
    let examples = "Tests/GradingTests/Lab1"
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("rnnbook grade: \(binary) not found (swift build -c release --product rnnbook)")
        return
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-lab1-grade-\(getpid())")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("submissions"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".md") }.sorted()
    var paths: [String] = []
    for index in 0..<count {
        let name = files[index % files.count]
        let path = folder.appendingPathComponent("submissions/s\(index)_\(name)").path
        try FileManager.default.copyItem(atPath: "\(examples)/\(name)", toPath: path)
        paths.append(path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["grade", "notebooks/01-rnn-cognitive-tasks.md"] + paths + [
        "--jobs", "2", "--gradebook", folder.appendingPathComponent("gradebook.sqlite").path,
        "--feedback", folder.appendingPathComponent("feedback").path, "--csv", folder.appendingPathComponent("grades.csv").path,
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let before = childrenCPU()
    let start = Date()
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let wall = Date().timeIntervalSince(start)
    let cpu = childrenCPU() - before
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    let graded = lines.filter { $0.contains("/10 — ") }.count
    let summary = lines.first { $0.hasPrefix("graded ") }.map(String.init) ?? "no summary line"
    print(String(format: "rnnbook grade of %d Lab 1 submissions, --jobs 2: %.1f s wall with the reference run, %.1f submissions/s (goal ≥ 10/s); %.1f s CPU of all processes; exit %d",
                 graded, wall, Double(graded) / wall, cpu, process.terminationStatus))
    print("  the program: \(summary)")
}

/// User + system CPU seconds of this process's finished children (and theirs).
private func childrenCPU() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
