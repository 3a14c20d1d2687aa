import Foundation
import Grading
import Notebook

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
