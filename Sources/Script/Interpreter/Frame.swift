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
    var ownCellCount = 0 { didSet { needsCells = ownCellCount > 0 || !freeNames.isEmpty } }
    var freeNames: [String] = [] { didSet { needsCells = ownCellCount > 0 || !freeNames.isEmpty } }
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
    /// Frames of finished calls, reused by the next call (one interpreter thread). The pool
    /// owns one reference to each; a frame taken out is owned by the call using it until
    /// it goes back (or is released when the pool is full), so a call costs no reference
    /// counting for its frame.
    let framePool = UnsafeMutablePointer<Unmanaged<Frame>>.allocate(capacity: CodeObject.framePoolCapacity)
    var pooledFrames = 0
    /// Whether a frame of this code holds cells (its own or a closure's).
    var needsCells = false
    static let framePoolCapacity = 32

    init(name: String, source: SourceText) {
        self.name = name
        self.source = source
    }

    deinit {
        for i in 0..<pooledFrames { framePool[i].release() }
        framePool.deallocate()
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

    /// A frame for a call of `code`, from the code's pool when one is there; its slots are
    /// all `.unbound`. The caller owns the returned reference and hands it back with
    /// `recycle` (every frame but a generator's: generators keep theirs).
    @inline(__always)
    static func make(code: CodeObject, interpreter: Interpreter, closure: [Cell]) -> Unmanaged<Frame> {
        if let frame = pooled(code: code, counters: interpreter.counters, closure: closure) { return frame }
        return Unmanaged.passRetained(Frame(code: code, interpreter: interpreter, closure: closure))
    }

    /// `make` for a call from compiled code in `caller` (same interpreter).
    @inline(__always)
    static func make(code: CodeObject, caller: Frame, closure: [Cell]) -> Unmanaged<Frame> {
        if let frame = pooled(code: code, counters: caller.counters, closure: closure) { return frame }
        return Unmanaged.passRetained(Frame(code: code, interpreter: caller.interpreter, closure: closure))
    }

    @inline(__always)
    private static func pooled(code: CodeObject, counters: UnsafeMutablePointer<Int>, closure: [Cell]) -> Unmanaged<Frame>? {
        unowned(unsafe) let code = code
        guard code.pooledFrames > 0 else { return nil }
        code.pooledFrames &-= 1
        let frame = code.framePool[code.pooledFrames]
        // A frame pooled by another interpreter (a code object shared between sessions).
        guard frame._withUnsafeGuaranteedRef({ $0.counters == counters }) else {
            frame.release()
            return nil
        }
        if code.needsCells {
            frame._withUnsafeGuaranteedRef { f in
                f.cells = closure
                if code.ownCellCount > 0 { f.addOwnCells() }
            }
        }
        return frame
    }

    /// Clears a finished frame and returns it to its code's pool (or frees it when the pool
    /// is full). Only for a frame from `make` that nothing else holds.
    @inline(__always)
    static func recycle(_ unmanaged: Unmanaged<Frame>) {
        let pooled = unmanaged._withUnsafeGuaranteedRef { frame -> Bool in
            unowned(unsafe) let code = frame.code
            let slots = frame.slots
            for i in 0..<frame.slotCount {
                if slots[i].isTrivial { (slots + i).initialize(to: .unbound) } else { slots[i] = .unbound }
            }
            if !frame.cells.isEmpty { frame.cells = [] }
            if !frame.returnValue.isTrivial { frame.returnValue = .none }
            guard code.pooledFrames < CodeObject.framePoolCapacity else { return false }
            code.framePool[code.pooledFrames] = unmanaged
            code.pooledFrames &+= 1
            return true
        }
        if !pooled { unmanaged.release() }
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
