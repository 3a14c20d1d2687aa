import Foundation
import Testing
@testable import Grading

/// A tensor within the size budget that the system refuses (here an address-space limit set
/// with `ulimit -v`, as a grading worker's is) is a RuntimeError the notebook can catch, as
/// PyTorch's "can't allocate memory" is, not the end of the process.
@Suite struct OutOfMemoryTests {
    static let notebook = """
        ---
        title: Memory
        ---

        ```rnn
        import torch
        print("start")
        try:
            xs = [torch.zeros(60000000) for i in range(4)]
        except RuntimeError as e:
            print("caught", e)
        print("after")
        ```

        """

    @Test(.enabled(if: !AddressSanitizerCheck.isActive, "AddressSanitizer maps more address space than the limit allows"))
    func aTensorTheSystemRefusesIsACatchableError() throws {
        let binary = SubprocessTests.productsFolder.appendingPathComponent("rnnbook")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "rnnbook binary not found")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try folder.write("memory.md", Self.notebook)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 1.2 GB of address space: room for the program, not for four tensors of 240 MB.
        process.arguments = ["-c", "ulimit -v 1200000; exec \"$0\" run \"$1\"", binary.path, path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "\(text)")
        #expect(text.contains("caught zeros: out of memory: the system refused the 240000000 bytes of a tensor of shape (60000000,)"), "\(text)")
        #expect(text.contains("after\n"), "\(text)")
    }
}
