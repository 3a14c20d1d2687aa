import GRDB

/// The gradebook's migrations. A migration never changes once shipped; add a new one.
enum GradebookSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "assignment") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull().unique()
                table.column("title", .text).notNull()
                table.column("totalPoints", .double).notNull()
            }
            try db.create(table: "gradingRun") { table in
                table.autoIncrementedPrimaryKey("id")
                table.belongsTo("assignment", onDelete: .cascade).notNull()
                table.column("startedAt", .text).notNull()
                table.column("engineVersion", .text).notNull()
                table.column("sourceHash", .text).notNull()
                table.column("seed", .integer).notNull()
                table.column("budgetOperations", .integer).notNull()
                table.column("budgetSeconds", .double).notNull()
                table.column("jobs", .integer).notNull()
                table.column("shard", .text)
                table.column("submissionCount", .integer).notNull()
            }
            try db.create(table: "submission") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("runId", .integer).notNull().indexed().references("gradingRun", onDelete: .cascade)
                table.column("student", .text).notNull().indexed()
                table.column("file", .text).notNull()
                table.column("fileHash", .text).notNull()
                table.column("score", .double).notNull()
                table.column("maxScore", .double).notNull()
                table.column("seconds", .double).notNull()
            }
            try db.create(table: "exerciseResult") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("submissionId", .integer).notNull().indexed().references("submission", onDelete: .cascade)
                table.column("exercise", .text).notNull()
                table.column("status", .text).notNull()
                table.column("points", .double).notNull()
                table.column("maxPoints", .double).notNull()
                table.column("reason", .text)
                table.column("seconds", .double).notNull()
            }
            try db.create(table: "checkResult") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("exerciseResultId", .integer).notNull().indexed().references("exerciseResult", onDelete: .cascade)
                table.column("name", .text).notNull()
                table.column("hidden", .boolean).notNull()
                table.column("passed", .boolean).notNull()
                table.column("points", .double).notNull()
                table.column("maxPoints", .double).notNull()
                table.column("message", .text)
            }
        }
        // The token of the feedback pages a run staged (`Gradebook.record(_:results:pagesToken:)`):
        // pages staged under a recorded token are the run's, to put in place if it stopped
        // before it could; pages under any other token are of a run never recorded.
        migrator.registerMigration("v2") { db in
            try db.create(table: "feedbackPages") { table in
                table.primaryKey("runId", .integer).references("gradingRun", onDelete: .cascade)
                table.column("token", .text).notNull().unique()
            }
        }
        return migrator
    }
}
