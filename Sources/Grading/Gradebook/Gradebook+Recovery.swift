import GRDB

extension Gradebook {
    /// A read-only connection to the gradebook at `path`. A gradebook left in the middle of
    /// a commit (its grader killed) has a hot journal that only a connection that may write
    /// can roll back: it is rolled back first, which gives the last committed state, as the
    /// next grader opening it would.
    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
            var writing = Configuration()
            writing.busyMode = .timeout(busyTimeout)
            try DatabaseQueue(path: path, configuration: writing).close()
            return try DatabaseQueue(path: path, configuration: configuration)
        }
    }

    /// The run that recorded feedback pages staged under `token`, if any.
    public func run(withPagesToken token: String) throws -> Int64? {
        try guarded("cannot read the gradebook") { try queue.read { db in
            guard try db.tableExists("feedbackPages") else { return nil }
            return try Int64.fetchOne(db, sql: "SELECT runId FROM feedbackPages WHERE token = ?", arguments: [token])
        } }
    }
}
