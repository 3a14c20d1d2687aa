/// One side of an axes' frame, as matplotlib names its spines.
public enum Spine: String, Sendable, CaseIterable {
    case left, right, top, bottom
}
