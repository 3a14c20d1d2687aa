import Testing
@testable import Plot

@Suite struct NumberFormatTests {
    @Test func fixedDecimals() {
        #expect(Num.fixed(12.5, decimals: 2) == "12.5")
        #expect(Num.fixed(-0.001, decimals: 2) == "0")
        #expect(Num.fixed(0.1 + 0.2, decimals: 2) == "0.3")
        #expect(Num.fixed(-3.14159, decimals: 3) == "-3.142")
        #expect(Num.fixed(.nan, decimals: 2) == "0")
        #expect(Num.fixed(1e300, decimals: 2) == "1000000000")
        #expect(Num.fixed(0.05, decimals: 2) == "0.05")
    }

    @Test func scaledIntegers() {
        #expect(Num.scaledInteger(3, exponent: -1) == "0.3")
        #expect(Num.scaledInteger(-25, exponent: -1) == "−2.5")
        #expect(Num.scaledInteger(5, exponent: 2) == "500")
        #expect(Num.scaledInteger(0, exponent: -2) == "0.00")
        #expect(Num.scaledInteger(7, exponent: -3) == "0.007")
    }

    @Test func powersOfTen() {
        #expect(Num.timesTenTo(-4) == "×10⁻⁴")
        #expect(Num.timesTenTo(12) == "×10¹²")
        #expect(Num.log10Floor(1e-4) == -4)
        #expect(Num.log10Floor(999.99) == 2)
        #expect(Num.log10Floor(1e300) == 300)
        #expect(Num.log10Floor(1000) == 3)
    }

    @Test func generalLabels() {
        #expect(Num.general(0.1 + 0.2) == "0.3")
        #expect(Num.general(1_234_567) == "1.23e6")
        #expect(Num.general(-0.000123) == "−1.23e-4")
        #expect(Num.general(42) == "42")
    }

    @Test func xmlEscaping() {
        #expect(XML.escape(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;")
        #expect(XML.escape("bell\u{7}") == "bell\u{FFFD}")
    }

    @Test func pathDataIsCompactAndExact() throws {
        var path = PathBuilder()
        let points: [(Double, Double)] = [(10, 20), (10.5, 19.25), (10.5, 19.25), (11, .nan), (12.04, 18), (13, 18.5)]
        for p in points { path.add(p.0, p.1) }
        #expect(path.data == "M10 20l.5-.75M12.04 18l.96.5")
        let decoded = try PathParser.absolutePoints(path.data)
        #expect(decoded.count == 4)
        #expect(decoded.last.map { abs($0.0 - 13) < 1e-9 && abs($0.1 - 18.5) < 1e-9 } == true)
    }

    @Test func pathRoundTripsManyPoints() throws {
        var path = PathBuilder()
        var expected: [(Double, Double)] = []
        for i in 0..<500 {
            let x = Double(i) * 0.37, y = Double((i * 7919) % 1000) / 7.3 - 50
            path.add(x, y)
            let rounded = (Double(PathBuilder.hundredths(x)) / 100, Double(PathBuilder.hundredths(y)) / 100)
            if expected.last.map({ $0 != rounded }) ?? true { expected.append(rounded) }
        }
        let decoded = try PathParser.absolutePoints(path.data)
        #expect(decoded.count == expected.count)
        for (a, b) in zip(decoded, expected) {
            #expect(abs(a.0 - b.0) < 1e-6 && abs(a.1 - b.1) < 1e-6)
        }
    }
}
