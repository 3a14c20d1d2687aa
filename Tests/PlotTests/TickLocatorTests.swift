import Testing
@testable import Plot

struct TickCase: Sendable, CustomTestStringConvertible {
    var lo: Double, hi: Double
    var labels: [String]
    var scale: String?
    var testDescription: String { "\(lo)...\(hi)" }
}

@Suite struct TickLocatorTests {
    static let cases: [TickCase] = [
        TickCase(lo: 0, hi: 1, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        TickCase(lo: 0, hi: 1e-4, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], scale: "×10⁻⁴"),
        TickCase(lo: -3.7, hi: 1200, labels: ["0", "200", "400", "600", "800", "1000", "1200"]),
        TickCase(lo: 0.1, hi: 0.3, labels: ["0.10", "0.15", "0.20", "0.25", "0.30"]),
        TickCase(lo: 1.9, hi: 18.1, labels: ["2.5", "5.0", "7.5", "10.0", "12.5", "15.0", "17.5"]),
        TickCase(lo: 0, hi: 1e6, labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], scale: "×10⁶"),
        TickCase(lo: -1e-9, hi: 1e-9, labels: ["−1.0", "−0.5", "0.0", "0.5", "1.0"], scale: "×10⁻⁹"),
        TickCase(lo: 99.5, hi: 100.5, labels: ["99.6", "99.8", "100.0", "100.2", "100.4"]),
    ]

    @Test(arguments: cases)
    func niceTicks(_ c: TickCase) {
        let ticks = TickLocator.ticks(lo: c.lo, hi: c.hi)
        #expect(ticks.labels == c.labels)
        #expect(ticks.scaleLabel == c.scale)
        #expect((4...8).contains(ticks.values.count))
        #expect(ticks.values.allSatisfy { $0 >= c.lo && $0 <= c.hi })
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        for (lo, hi) in [(0.0, 7.3), (-2.2, 3.1), (13.0, 14.0), (0.001, 0.0093), (-550.0, 1e4)] {
            let v = TickLocator.ticks(lo: lo, hi: hi).values
            let step = v[1] - v[0]
            let mantissa = step / Num.exactPowerOfTen(Num.log10Floor(step))
            #expect([1.0, 2.0, 2.5, 5.0].contains { abs($0 - mantissa) < 1e-9 }, "\(lo)...\(hi): step \(step)")
        }
    }

    @Test func labelsNeverShowBinaryRounding() {
        let labels = TickLocator.ticks(lo: 0.1, hi: 0.7).labels
        #expect(labels == ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
        #expect(labels.allSatisfy { $0.count <= 4 })
    }

    @Test func integerTicksForImageAxes() {
        #expect(TickLocator.ticks(lo: -0.5, hi: 2.5, integerOnly: true).labels == ["0", "1", "2"])
    }

    @Test func constantDataIsExpandedAroundTheValue() {
        var extent = Extent()
        extent.add([3, 3, 3])
        let view = extent.viewLimits()
        #expect(view.lo < 3 && view.hi > 3)
        let ticks = TickLocator.ticks(lo: view.lo, hi: view.hi)
        #expect(ticks.labels.contains("3.00"))
        var zero = Extent()
        zero.add(0)
        #expect(zero.viewLimits().lo < 0 && zero.viewLimits().hi > 0)
    }

    @Test func nanAndInfiniteValuesAreIgnoredForLimits() {
        var extent = Extent()
        extent.add([.nan, 1, .infinity, 3, -.infinity])
        #expect(extent.lo == 1 && extent.hi == 3)
        let view = extent.viewLimits()
        #expect(view.lo == 0.9 && view.hi == 3.1)
    }

    @Test func emptySeriesGivesTheUnitRange() {
        #expect(Extent().viewLimits() == (0, 1))
        var onlyNaN = Extent()
        onlyNaN.add([.nan, .nan])
        #expect(onlyNaN.viewLimits() == (0, 1))
    }

    @Test func degenerateRangesDoNotTrap() {
        for (lo, hi) in [(1.0, 1.0), (.nan, 1), (0, .infinity), (5, 2), (1e300, 1e300 * 1.0000001), (0, Double.leastNormalMagnitude / 4)] {
            let ticks = TickLocator.ticks(lo: lo, hi: hi)
            #expect(!ticks.values.isEmpty)
            #expect(ticks.values.count == ticks.labels.count)
        }
    }

    @Test func stickyEdgesStopTheMargin() {
        var extent = Extent()
        extent.add([0, 10])
        extent.sticky = [0]
        #expect(extent.viewLimits() == (0, 10.5))
    }
}
