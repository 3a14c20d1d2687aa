extension Grader {
    /// Grades a submission's exercises from position `first` on, one at a time: `starting`
    /// is told before each, `done` gets each result. Grading worker processes use it, so
    /// that a worker that dies costs only the exercise it was on.
    public func grade(
        _ submission: Submission, from first: Int, starting: (Int) -> Void, done: (Int, ExerciseResult) -> Void
    ) {
        let track = tracks.take()
        defer { tracks.give(track) }
        for (position, exercise) in assignment.exercises.enumerated() where position >= max(0, first) {
            starting(position)
            done(position, grade(exercise, at: position, of: submission, track: track))
        }
    }
}
