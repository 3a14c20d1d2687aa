import Foundation
import Grading
import Notebook
import Tensor

/// A fixture lab whose exercises are checked on small inputs, as the grading issue describes.
let gradingLab = """
    ---
    title: Grading benchmark lab
    seed: 3
    operations: 200000
    ---
    # Grading benchmark lab

    ```rnn
    data = [3, 1, 4, 1, 5, 9, 2, 6]
    def mean(xs):
        return sum(xs) / len(xs)
    ```

    ```rnn exercise=square points=2
    def square(x):
        ### BEGIN SOLUTION
        return x * x
        ### END SOLUTION
    ```

    ```rnn check=square points=1
    assert square(3) == 9
    ```

    ```rnn check=square points=1
    ### BEGIN HIDDEN TESTS
    assert square(-4) == 16
    ### END HIDDEN TESTS
    ```

    ```rnn exercise=centred points=3
    ### BEGIN SOLUTION
    centred = [x - mean(data) for x in data]
    ### END SOLUTION
    ```

    ```rnn check=centred points=3
    assert abs(sum(centred)) < 1e-9
    assert len(centred) == len(data)
    ```

    """

/// Grades 500 generated submissions with one and two jobs and prints submissions per second.
func gradingBenchmarks() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rnnbook-grading-bench")
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let variants = [
        gradingLab,
        gradingLab.replacingOccurrences(of: "return x * x", with: "return abs(x) * x"),
        gradingLab.replacingOccurrences(of: "centred = [x - mean(data) for x in data]", with: "centred = data"),
        gradingLab.replacingOccurrences(of: "return x * x", with: "while True:\n        x += 1"),
    ]
    var paths: [String] = []
    for index in 0..<500 {
        let path = folder.appendingPathComponent("student\(index).md").path
        try variants[index % variants.count].write(toFile: path, atomically: true, encoding: .utf8)
        paths.append(path)
    }
    let assignment = Assignment(Notebook.parse(name: "lab.md", text: gradingLab))
    var scores: [[Double]] = []
    for jobs in [1, 2] {
        let grader = try Grader(assignment: assignment, settings: GradingSettings(jobs: jobs))
        let start = Date()
        let results = grader.grade(paths: paths)
        let seconds = Date().timeIntervalSince(start)
        scores.append(results.map(\.score))
        print(String(format: "grade 500 submissions, --jobs %d: %6.2f s, %7.1f submissions/s (goal ≥ 50/s)",
                     jobs, seconds, Double(results.count) / seconds))
    }
    print("identical scores for --jobs 1 and --jobs 2: \(scores[0] == scores[1])")
}


/// Grades Lab 1 at full size (2,000 training steps) as `rnnbook grade --jobs 2` does:
/// prints the time of the reference run beside a plain run of the notebook, then
/// submissions per second after it (goal: at least 10 per second on 2 cores). The
/// submissions are the example submissions of the grading tests, repeated. Run from the
/// checkout's top folder.
func lab1GradingBenchmarks() throws {
    let path = "notebooks/01-rnn-cognitive-tasks.md"
    let examples = "Tests/GradingTests/Lab1"
    guard FileManager.default.fileExists(atPath: path), FileManager.default.fileExists(atPath: examples) else {
        print("lab1 grading: \(path) not found (run from the checkout's top folder)")
        return
    }
    let notebook = try Notebook.load(path: path)
    let plain = Date()
    let run = NotebookRunner.run(notebook)
    print(String(format: "plain run of Lab 1: %.1f s%@", Date().timeIntervalSince(plain), run.failed ? " (FAILED)" : ""))

    let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".md") }.sorted()
    let paths = (0..<60).map { "\(examples)/\(files[$0 % files.count])" }
    // As `rnnbook grade --jobs 2` does: sessions side by side, one BLAS thread each.
    let threads = BLAS.threadCount
    BLAS.setThreadCount(1)
    defer { BLAS.setThreadCount(threads) }
    let start = Date()
    let grader = try Grader(assignment: Assignment(notebook), settings: GradingSettings(jobs: 2))
    let reference = Date().timeIntervalSince(start)
    print(String(format: "reference run of Lab 1 (2 workers side by side): %.1f s (goal: no longer than the plain run)", reference))
    let grading = Date()
    let results = grader.grade(paths: paths)
    let seconds = Date().timeIntervalSince(grading)
    let scores = Dictionary(grouping: results, by: { ($0.file as NSString).lastPathComponent }).mapValues { Set($0.map(\.score)) }
    print(String(format: "grade %d Lab 1 submissions, --jobs 2: %.1f s, %.1f submissions/s (goal ≥ 10/s)",
                 results.count, seconds, Double(results.count) / seconds))
    print("scores: " + scores.keys.sorted().map { "\($0) \(scores[$0].map { $0.sorted() } ?? [])" }.joined(separator: ", "))
    try lab1CommandGrading()
}
