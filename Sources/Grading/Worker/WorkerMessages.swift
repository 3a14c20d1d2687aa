import Foundation

/// A job a grading parent sends its worker process: grade one submission's exercises from
/// `first` on (the earlier ones were graded by a worker that died).
struct WorkerJob: Codable, Equatable {
    var path: String
    var student: String
    var first: Int
}

/// A line a worker process writes to its parent.
struct WorkerMessage: Codable, Equatable {
    enum Kind: String, Codable {
        /// The reference ran; jobs may come.
        case ready
        /// The reference cannot be graded (`message` says why); the worker exits.
        case refused
        /// Exercise `exercise` starts now (the parent's wall clock starts).
        case start
        /// Exercise `exercise` gave `result`.
        case exercise
        /// The job is done.
        case done
        /// A zygote forked the worker it was asked for.
        case forked
    }

    var kind: Kind
    var exercise: Int?
    var result: ExerciseResult?
    var message: String?
    /// The sender's process id (in `ready`).
    var pid: Int32?
}

/// One JSON value per line, both ways.
enum WorkerLines {
    static func encode(_ value: some Encodable) -> Data {
        var data = (try? JSONEncoder().encode(value)) ?? Data()
        data.append(0x0A)
        return data
    }

    static func decode<T: Decodable>(_ type: T.Type, _ line: Data) -> T? {
        try? JSONDecoder().decode(type, from: line)
    }
}
