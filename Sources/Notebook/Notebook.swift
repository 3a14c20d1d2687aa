/// A parsed notebook (to be built in this issue).
public struct Notebook: Sendable {}
