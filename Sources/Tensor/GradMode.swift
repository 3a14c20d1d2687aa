/// Whether operations are recorded for autograd in the current task or thread.
///
/// The flag is task-local (thread-local outside a task), never global: `withNoGrad` in one
/// test or notebook session does not affect another running in parallel.
public enum GradMode {
    /// The current setting; `true` unless inside `withNoGrad`.
    @TaskLocal public static var isEnabled = true

    /// Runs `body` with recording off, like PyTorch's `with torch.no_grad():`.
    public static func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
        try $isEnabled.withValue(false, operation: body)
    }

    /// Runs async `body` with recording off.
    public static func withNoGrad<R>(_ body: () async throws -> R) async rethrows -> R {
        try await $isEnabled.withValue(false, operation: body)
    }

    /// Runs `body` with recording set to `enabled`, like `torch.set_grad_enabled`.
    public static func withGradEnabled<R>(_ enabled: Bool, _ body: () throws -> R) rethrows -> R {
        try $isEnabled.withValue(enabled, operation: body)
    }
}

/// Runs `body` without recording operations for autograd (PyTorch's `torch.no_grad()`).
public func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
    try GradMode.withNoGrad(body)
}
