import Diagnostics
import Notebook

/// An exercise: an `rnn exercise=ID` block whose solution the student writes.
public struct Exercise: Sendable, Equatable {
    /// Its id, as written on the fence (`exercise=reward`).
    public var id: String
    /// The points it is worth: its checks' points added up, or its own `points=`.
    public var points: Double
    /// The index of its block among the notebook's `rnn` blocks.
    public var cellIndex: Int
    /// Its solution regions (in the notebook; none for an exercise written in a module).
    public var solutions: [Region]
    /// Indices of its check blocks, in order.
    public var checkIndices: [Int]
    /// The module it is written in, when its block shows one (`rnn file=models/rnn.py exercise=ID`).
    public var file: ExerciseFile? = nil
}

/// The module file an exercise is written in: a student answers it by handing in that file.
public struct ExerciseFile: Sendable, Equatable {
    /// Its path relative to the notebook's folder (`models/students_rnn.py`).
    public var path: String
    /// Its solution regions, by line of the module file.
    public var solutions: [Region]
}

/// A check: an `rnn check=ID` block that tests an exercise.
public struct Check: Sendable, Equatable {
    /// The exercise it checks.
    public var exercise: String
    /// Its name: the exercise id and its number among that exercise's checks (`reward.2`).
    public var name: String
    /// The points it is worth.
    public var points: Double
    /// The index of its block among the notebook's `rnn` blocks.
    public var cellIndex: Int
    /// Its hidden-test regions; a check with any is hidden from students in part.
    public var hidden: [Region]
}

/// An instructor's notebook read as an assignment: its exercises and checks, validated.
public struct Assignment: Sendable {
    /// The instructor's notebook.
    public var notebook: Notebook
    /// Exercises in notebook order.
    public var exercises: [Exercise]
    /// Checks in notebook order.
    public var checks: [Check]
    /// Problems with the markup, each with its position; errors stop grading.
    public var diagnostics: [Diagnostic]

    /// The total points of the assignment.
    public var totalPoints: Double { exercises.reduce(0) { $0 + $1.points } }

    /// Whether any diagnostic (the notebook's own included) is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The exercise with an id.
    public func exercise(_ id: String) -> Exercise? { exercises.first { $0.id == id } }

    /// The exercise a block belongs to, by block index, if the block is an exercise.
    public func exercise(atCell index: Int) -> Exercise? { exercises.first { $0.cellIndex == index } }

    /// Reads the exercises and checks of a notebook and validates their markup.
    public init(_ notebook: Notebook) {
        self = AssignmentReader.read(notebook)
    }

    init(notebook: Notebook, exercises: [Exercise], checks: [Check], diagnostics: [Diagnostic]) {
        self.notebook = notebook
        self.exercises = exercises
        self.checks = checks
        self.diagnostics = diagnostics
    }
}
