import Diagnostics
import Testing
@testable import Grading
@testable import Notebook

@Suite struct AssignmentTests {
    func assignment(_ text: String) -> Assignment {
        Assignment(Notebook.parse(name: "lab.md", text: text))
    }

    @Test func readsExercisesChecksAndPoints() {
        let lab = assignment(Fixture.source)
        #expect(lab.diagnostics.isEmpty)
        #expect(lab.exercises.map(\.id) == ["double", "total"])
        #expect(lab.exercises.map(\.points) == [2, 3])
        #expect(lab.checks.map(\.name) == ["double.1", "double.2", "total.1"])
        #expect(lab.checks.map(\.points) == [1, 1, 3])
        #expect(lab.exercises[0].solutions == [Region(beginLine: 15, endLine: 17, indent: "    ", prompt: "Return twice x.")])
        #expect(lab.checks[1].hidden.map(\.beginLine) == [25])
        #expect(lab.totalPoints == 5)
    }

    @Test func pointsSplitEvenlyWhenOnlyTheExerciseHasThem() {
        let lab = assignment("""
            ```rnn exercise=a points=3
            ### BEGIN SOLUTION
            x = 1
            ### END SOLUTION
            ```

            ```rnn check=a
            ```

            ```rnn check=a
            ```
            """)
        #expect(lab.diagnostics.isEmpty)
        #expect(lab.checks.map(\.points) == [1.5, 1.5])
    }

    static let mistakes: [(String, [String])] = [
        ("```rnn exercise=a points=1\n### BEGIN SOLUTION\n```\n",
         ["lab.md:2:1: error: '### BEGIN SOLUTION' is never closed by '### END SOLUTION'"]),
        ("```rnn exercise=a points=1\n### END SOLUTION\n```\n",
         ["lab.md:2:1: error: '### END SOLUTION' without a matching '### BEGIN SOLUTION'"]),
        ("```rnn exercise=a points=1\nx = 1\n```\n",
         ["lab.md:1:8: error: exercise 'a' has no '### BEGIN SOLUTION' region"]),
        ("```rnn exercise=a points=1\n### BEGIN SOLUTION\n### BEGIN HIDDEN TESTS\n### END SOLUTION\n```\n",
         ["lab.md:3:1: error: '### BEGIN HIDDEN TESTS' inside an open '### BEGIN SOLUTION' region"]),
        ("```rnn exercise=a points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn exercise=a points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n",
         ["lab.md:6:8: error: exercise 'a' is defined twice"]),
        ("```rnn check=b points=1\n```\n",
         ["lab.md:1:14: error: check for unknown exercise 'b'"]),
        ("```rnn exercise=abc points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn check=abd\n```\n",
         ["lab.md:6:14: error: check for unknown exercise 'abd' (did you mean 'abc'?)"]),
        ("```rnn exercise=a\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn check=a\n```\n",
         ["lab.md:1:8: error: exercise 'a' has no points: give it points=N or give its checks points"]),
        ("```rnn exercise=a points=3\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn check=a points=1\n```\n",
         ["lab.md:1:8: error: exercise 'a' is worth 3 points but its checks add up to 1"]),
        // Found by the fuzzer (session 7): a whole number beyond Int trapped when printed.
        ("```rnn exercise=a points=1e300\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn check=a points=1\n```\n",
         ["lab.md:1:8: error: exercise 'a' is worth 1e+300 points but its checks add up to 1"]),
        ("```rnn exercise=a points=-1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n",
         ["lab.md:1:26: error: points must be a positive number, got '-1'"]),
        ("```rnn check=a points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n",
         ["lab.md:2:1: error: a solution region belongs in an exercise block, not in a check",
          "lab.md:1:14: error: check for unknown exercise 'a'"]),
        ("```rnn exercise=a points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn exercise=b points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn check=a points=1\n```\n",
         ["lab.md:11:14: error: check for exercise 'a' must come before the next exercise ('b')"]),
        ("```rnn\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS\n```\n",
         ["lab.md:2:1: error: grading markers are only read in exercise and check blocks"]),
        // Look-alike markers would be copied into the student version: each is an error.
        ("```rnn exercise=a points=1\ndef f():\n    ### begin solution\n    return 1\n    ### end solution\n```\n",
         ["lab.md:3:5: error: '### begin solution' is not a grading marker; write '### BEGIN SOLUTION' exactly (upper case, '###', single spaces)",
          "lab.md:5:5: error: '### end solution' is not a grading marker; write '### END SOLUTION' exactly (upper case, '###', single spaces)"]),
        ("```rnn exercise=a points=1\n### BEGIN SOLUTIONS\nx = 1\n### END SOLUTIONS\n```\n",
         ["lab.md:2:1: error: '### BEGIN SOLUTIONS' is not a grading marker; write '### BEGIN SOLUTION' exactly (upper case, '###', single spaces)",
          "lab.md:4:1: error: '### END SOLUTIONS' is not a grading marker; write '### END SOLUTION' exactly (upper case, '###', single spaces)"]),
        ("```rnn exercise=a points=1\n###BEGIN SOLUTION\nx = 1\n### END SOLUTION\n```\n",
         ["lab.md:2:1: error: '###BEGIN SOLUTION' is not a grading marker; write '### BEGIN SOLUTION' exactly (upper case, '###', single spaces)",
          "lab.md:4:1: error: '### END SOLUTION' without a matching '### BEGIN SOLUTION'"]),
        ("```rnn exercise=a points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n```rnn check=a\n## BEGIN HIDDEN TEST\nassert True\n#END_HIDDEN_TESTS\n```\n",
         ["lab.md:7:1: error: '## BEGIN HIDDEN TEST' is not a grading marker; write '### BEGIN HIDDEN TESTS' exactly (upper case, '###', single spaces)",
          "lab.md:9:1: error: '#END_HIDDEN_TESTS' is not a grading marker; write '### END HIDDEN TESTS' exactly (upper case, '###', single spaces)"]),
        ("```rnn\nx = 1  # Begin Solution\n```\n",
         ["lab.md:2:8: error: '# Begin Solution' is not a grading marker; write '### BEGIN SOLUTION' exactly (upper case, '###', single spaces)"]),
        // An rnn block in a quote is not run, so its markers are never read.
        ("```rnn exercise=a points=1\n### BEGIN SOLUTION\n### END SOLUTION\n```\n\n> ```rnn check=a points=1\n> ### BEGIN HIDDEN TESTS\n> assert True\n> ### end hidden tests\n> ```\n",
         ["lab.md:6:3: warning: an rnn block inside a list or quote is shown but not run (move it to the top level)",
          "lab.md:7:3: error: '### BEGIN HIDDEN TESTS' outside an rnn exercise or check block is never read, so nothing would be hidden from students",
          "lab.md:9:3: error: '### end hidden tests' looks like the grading marker '### END HIDDEN TESTS', but markers are only read in rnn exercise and check blocks, written exactly"]),
    ]

    @Test(arguments: mistakes)
    func markupMistakesAreDiagnosed(_ text: String, _ expected: [String]) {
        let lab = assignment(text)
        #expect(lab.diagnostics.map(\.header) == expected)
        #expect(lab.hasErrors)
    }

    @Test func exactMarkersAndOrdinaryCommentsAreNotLookAlikes() {
        for line in ["### BEGIN SOLUTION", "    ### END SOLUTION", "### BEGIN SOLUTION: the prompt", "### BEGIN HIDDEN TESTS\r",
                     "# end of the test", "# the solution begins here", "## Hidden tests run at grading", "x = 1  # ending"] {
            #expect(Marker.nearMiss(in: Substring(line)) == nil, "\(line)")
        }
    }
}

/// Found by the fuzzer: a line of thousands of '#' made the marker near-miss search quadratic
/// (a hang); lines longer than any marker line are not searched.
@Test func aLongLineOfHashesIsNoMarker() {
    #expect(Marker.nearMiss(in: Substring(String(repeating: "#", count: 16_384))) == nil)
    #expect(Marker.nearMiss(in: "###BEGIN SOLUTION")?.meant == .beginSolution)
    #expect(Marker.nearMiss(in: Substring("###BEGIN SOLUTION " + String(repeating: "x", count: 400))) == nil)
}
