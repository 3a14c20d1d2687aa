import Testing
@testable import Grading
@testable import Notebook

@Suite struct StudentVersionTests {
    @Test func solutionsBecomeStubsAndHiddenTestsVanish() {
        let lab = Assignment(Notebook.parse(name: "lab.md", text: Fixture.source))
        let student = StudentVersion.make(lab)
        let expected = Fixture.source
            .replacingOccurrences(of: "    ### BEGIN SOLUTION Return twice x.\n    return 2 * x\n    ### END SOLUTION\n", with: "    todo(\"Return twice x.\")\n")
            .replacingOccurrences(of: "### BEGIN HIDDEN TESTS\nassert double(-3) == -6, \"negative numbers\"\n### END HIDDEN TESTS\n", with: "")
            .replacingOccurrences(of: "### BEGIN SOLUTION\ntotal = sum(data)\n### END SOLUTION\n", with: "todo(\"complete exercise 'total'\")\n")
        #expect(student == expected)
        #expect(StudentVersion.leaks(lab, student: student).isEmpty)
    }

    @Test func leakCheckFindsSecretLines() {
        let lab = Assignment(Notebook.parse(name: "lab.md", text: Fixture.source))
        let leaky = StudentVersion.make(lab) + "\nreturn 2 * x\nassert double(-3) == -6, \"negative numbers\"\n"
        #expect(StudentVersion.leaks(lab, student: leaky) == ["return 2 * x", "assert double(-3) == -6, \"negative numbers\""])
    }

    @Test func studentVersionIsItselfAValidAssignment() {
        let lab = Assignment(Notebook.parse(name: "lab.md", text: Fixture.source))
        let again = Notebook.parse(name: "student.md", text: StudentVersion.make(lab))
        #expect(again.diagnostics.isEmpty)
        #expect(again.codeCells.compactMap(\.options.exercise) == ["double", "total"])
    }

    @Test func promptsAreQuotedAsStringLiterals() {
        #expect(StudentVersion.quoted("say \"hi\" \\ now") == "\"say \\\"hi\\\" \\\\ now\"")
    }
}
