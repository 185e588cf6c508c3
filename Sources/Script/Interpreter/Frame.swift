/// The source text of a cell or file, kept for tracebacks and inspection. Lines are split
/// only when something asks for them (a traceback), not for every compiled cell.
public final class SourceText {
    /// `Cell In[3]` or a file path.
    public let filename: String
    /// Whether `filename` names a notebook cell.
    public let isCell: Bool
    private let text: String

    /// The source lines (\n, \r\n or \r ends a line).
    public private(set) lazy var lines: [String] = {
        var lines: [String] = []
        text.enumerateLinesKeepingEmpty { lines.append($0) }
        return lines
    }()

    /// Creates a source record.
    public init(_ text: String, filename: String, isCell: Bool) {
        self.filename = filename
        self.isCell = isCell
        self.text = text
    }

    /// The 1-based line `n`, or "".
    public func line(_ n: Int) -> String {
        n >= 1 && n <= lines.count ? lines[n - 1] : ""
    }
}

extension String {
    /// Calls `body` with each line, keeping empty lines; \n, \r\n and \r end lines.
    func enumerateLinesKeepingEmpty(_ body: (String) -> Void) {
        let bytes = Array(utf8)
        var start = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                body(String(decoding: bytes[start..<i], as: UTF8.self))
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        body(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
    }
}

/// Compiled code of a function, lambda, generator expression or cell.
final class CodeObject {
    let name: String
    let source: SourceText
    var slotCount = 0
    var ownCellCount = 0
    var freeNames: [String] = []
    /// Parameters stored in cells: (slot, cell index).
    var cellParameters: [(Int, Int)] = []
    var body: [StmtNode] = []
    var generatorProgram: GeneratorProgram?
    var parameters = ParameterLayout()
    var isGenerator = false
    var docstring: String?
    var signatureText = ""
    /// Variable names per slot (for locals() style introspection and messages).
    var slotNames: [String] = []
    /// Frames of finished calls, reused by the next call (one interpreter thread).
    var framePool: [Frame] = []

    init(name: String, source: SourceText) {
        self.name = name
        self.source = source
    }
}

/// Where a function's parameters live in its frame.
struct ParameterLayout {
    /// Names of positional parameters (slots 0..<count).
    var positional: [String] = []
    /// How many leading positional parameters are positional-only.
    var positionalOnlyCount = 0
    /// Slot of `*args`.
    var varArgsSlot: Int?
    /// Names of keyword-only parameters (slots after positional and *args).
    var keywordOnly: [String] = []
    var keywordOnlyStart = 0
    /// Slot of `**kwargs`.
    var varKeywordsSlot: Int?
}

/// The storage of one running function: local slots and cells.
final class Frame {
    unowned(unsafe) let interpreter: Interpreter
    unowned(unsafe) let code: CodeObject
    let slots: UnsafeMutablePointer<Value>
    var cells: [Cell]
    var returnValue: Value = .none

    let slotCount: Int
    /// The interpreter's counters (see `Interpreter.counters`).
    let counters: UnsafeMutablePointer<Int>

    init(code: CodeObject, interpreter: Interpreter, closure: [Cell]) {
        self.code = code
        self.interpreter = interpreter
        counters = interpreter.counters
        slotCount = max(code.slotCount, 1)
        slots = UnsafeMutablePointer<Value>.allocate(capacity: slotCount)
        slots.initialize(repeating: .unbound, count: slotCount)
        cells = closure
        if code.ownCellCount > 0 { addOwnCells() }
    }

    private func addOwnCells() {
        cells.reserveCapacity(cells.count + code.ownCellCount)
        for _ in 0..<code.ownCellCount { cells.append(Cell()) }
    }

    /// A frame for a call of `code`, reused from the code's pool when one is free.
    @inline(__always)
    static func make(code: CodeObject, interpreter: Interpreter, closure: [Cell]) -> Frame {
        if let frame = code.framePool.popLast(), frame.counters == interpreter.counters {
            if !closure.isEmpty || code.ownCellCount > 0 {
                frame.cells = closure
                if code.ownCellCount > 0 { frame.addOwnCells() }
            }
            return frame
        }
        return Frame(code: code, interpreter: interpreter, closure: closure)
    }

    /// Returns a finished frame to its code's pool if nothing else holds it.
    @inline(__always)
    static func recycle(_ frame: inout Frame) {
        guard isKnownUniquelyReferenced(&frame), frame.code.framePool.count < 16 else { return }
        for i in 0..<frame.slotCount { frame.slots[i] = .unbound }
        if !frame.cells.isEmpty { frame.cells = [] }
        frame.returnValue = .none
        frame.code.framePool.append(frame)
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }
}

/// Counts one statement or loop iteration of frame `f`, polling for interrupts every 1024.
@inline(__always)
func tick(_ f: Frame) throws {
    let counters = f.counters
    counters[0] &-= 1
    if counters[0] < 0 { try f.interpreter.slowTick() }
}
