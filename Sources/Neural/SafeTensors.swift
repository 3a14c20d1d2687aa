import Foundation
import Tensor

/// Reading and writing the safetensors format (huggingface/safetensors), so weights move
/// to and from PyTorch.
///
/// A file is: 8 bytes, a little-endian UInt64 `N`; `N` bytes of UTF-8 JSON mapping each
/// tensor name to `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (plus an
/// optional `"__metadata__"` object of strings); then the raw little-endian data, offsets
/// counted from the end of the header. Written headers are padded with spaces to a
/// multiple of 8 bytes. Reading accepts F32, F64, I64 and I32
/// (converted to Float) and rejects anything malformed with a message naming the file but
/// quoting none of its bytes outside a well-formed header (a mistaken path must not show
/// what another file holds).
public enum SafeTensors {
    /// One stored tensor: its shape and its values as Float, row-major.
    public struct Entry: Sendable {
        /// The tensor's shape.
        public let shape: [Int]
        /// The elements, row-major.
        public let values: [Float]
    }

    /// Writes `tensors` as F32 to `path`, replacing any file there; `metadata` joins the
    /// header's `__metadata__` (after `"format": "pt"`).
    public static func write(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:], to path: String) throws {
        let file = try encode(tensors, metadata: metadata)
        do {
            try file.write(to: URL(fileURLWithPath: path))
        } catch {
            throw NeuralError("save: cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The bytes of a safetensors file holding `tensors` as F32, with `metadata` in the
    /// header's `__metadata__` (after `"format": "pt"`).
    public static func encode(_ tensors: [(name: String, tensor: Tensor)], metadata: [String: String] = [:]) throws -> Data {
        var header: [String: Any] = ["__metadata__": metadata.merging(["format": "pt"]) { given, _ in given }]
        var body = Data()
        for (name, tensor) in tensors {
            let begin = body.count
            tensor.withUnsafeBufferPointer { buffer in
                for value in buffer {
                    withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
                }
            }
            header[name] = ["dtype": "F32", "shape": tensor.shape, "data_offsets": [begin, body.count]]
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(0x20) }
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        file.append(json)
        file.append(body)
        return file
    }

    /// Reads every tensor of the safetensors file at `path`, by name.
    public static func read(from path: String) throws -> [String: Entry] {
        try readWithMetadata(from: path).tensors
    }

    /// Reads every tensor of the safetensors file at `path`, by name, and the header's
    /// `__metadata__` strings.
    public static func readWithMetadata(from path: String) throws -> (tensors: [String: Entry], metadata: [String: String]) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NeuralError("load: no such file: \(path)")
        }
        let file: Data
        do {
            file = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NeuralError("load: cannot read \(path): \(error.localizedDescription)")
        }
        return try decode(file, name: path)
    }

    /// The tensors and `__metadata__` strings of the safetensors bytes `file`; `name` (a path,
    /// or a description such as "the buffer") names it in errors.
    public static func decode(_ file: Data, name path: String) throws -> (tensors: [String: Entry], metadata: [String: String]) {
        let bytes = [UInt8](file)
        func corrupt(_ why: String) -> NeuralError {
            NeuralError("load: \(path) is not a valid safetensors file: \(why)")
        }
        guard bytes.count >= 8 else { throw corrupt("it is shorter than the 8-byte header length") }
        let headerLength = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            // The length is the file's first bytes: never shown, they may be anything's contents.
            throw corrupt("its 8-byte header length runs past the end of the file")
        }
        let dataStart = 8 + Int(headerLength)
        let object = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))
        guard let header = object as? [String: Any] else { throw corrupt("the header is not a JSON object") }
        var result: [String: Entry] = [:]
        for (name, value) in header where name != "__metadata__" {
            guard let info = value as? [String: Any], let dtype = info["dtype"] as? String,
                let shape = info["shape"] as? [Int], let offsets = info["data_offsets"] as? [Int], offsets.count == 2
            else { throw corrupt("the entry for '\(name)' lacks dtype, shape or data_offsets") }
            guard let width = elementWidth[dtype] else { throw corrupt("'\(name)' has unsupported dtype \(dtype)") }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw corrupt("'\(name)' has a negative dimension") }
            var count = 1
            for extent in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: extent)
                guard !overflow, product <= bytes.count else { throw corrupt("the shape of '\(name)' is larger than the file") }
                count = product
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, end >= begin, end <= bytes.count, end - begin == count * width, dataStart + end <= bytes.count
            else {
                throw corrupt("the data_offsets [\(begin), \(end)] of '\(name)' do not fit its shape or the file")
            }
            let values = (0..<count).map { decode(bytes, at: dataStart + begin + $0 * width, dtype: dtype) }
            result[name] = Entry(shape: shape, values: values)
        }
        return (result, header["__metadata__"] as? [String: String] ?? [:])
    }

    /// Bytes per element of the dtypes this reader converts.
    private static let elementWidth: [String: Int] = ["F32": 4, "F64": 8, "I64": 8, "I32": 4]

    /// The little-endian element of `dtype` at `offset`, as Float.
    private static func decode(_ bytes: [UInt8], at offset: Int, dtype: String) -> Float {
        func word(_ n: Int) -> UInt64 {
            (0..<n).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
        }
        switch dtype {
        case "F64": return Float(Double(bitPattern: word(8)))
        case "I64": return Float(Int64(bitPattern: word(8)))
        case "I32": return Float(Int32(truncatingIfNeeded: word(4)))
        default: return Float(bitPattern: UInt32(truncatingIfNeeded: word(4)))
        }
    }
}
