import Foundation
import Grading

/// The feedback page of one graded submission: score per exercise and check, the student's
/// code, and why points were lost. A hidden check shows its name and outcome, never its code.
public enum FeedbackPage {
    /// Renders the page with the `feedback` template.
    public static func render(_ result: SubmissionResult, title: String, templates: Templates = .builtIn) throws -> String {
        let exercises: [[String: Any]] = result.exercises.map { exercise in
            var context: [String: Any] = [
                "id": exercise.exercise,
                "status": exercise.status.rawValue,
                "label": label(exercise.status),
                "points": points(exercise.points),
                "maxPoints": points(exercise.maxPoints),
                "hasChecks": !exercise.checks.isEmpty,
                "checks": exercise.checks.map { check -> [String: Any] in
                    var entry: [String: Any] = [
                        "name": check.name, "passed": check.passed, "hidden": check.hidden,
                        "points": points(check.points), "maxPoints": points(check.maxPoints),
                    ]
                    if let message = check.message { entry["message"] = message }
                    return entry
                },
            ]
            if let reason = exercise.reason { context["reason"] = reason }
            if let detail = exercise.errorDetail { context["errorDetail"] = detail }
            if let code = exercise.studentCode { context["code"] = CodeHTML.highlight(code.trimmingTrailingNewlines()) }
            return context
        }
        return try templates.render("feedback", [
            "title": title,
            "student": result.student,
            "score": points(result.score),
            "maxScore": points(result.maxScore),
            "css": templates.text("style.css"),
            "csp": PagePolicy.contentSecurityPolicy,
            "exercises": exercises,
        ])
    }

    static func label(_ status: ExerciseStatus) -> String {
        switch status {
        case .passed: return "passed"
        case .partial: return "partly passed"
        case .failed: return "checks failed"
        case .error: return "error"
        case .budget: return "stopped: over budget"
        case .notImplemented: return "not implemented"
        case .missing: return "missing"
        case .duplicate: return "duplicated"
        case .unreadable: return "unreadable"
        case .crashed: return "stopped: the grading process crashed"
        }
    }

    static func points(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }
}
