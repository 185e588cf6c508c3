/// Executes a generator program from its saved position until the next `yield` (returns
/// the value) or the end (returns nil, with the return value in the frame).
enum GeneratorRunner {
    static func run(_ program: GeneratorProgram, _ f: Frame, _ state: GeneratorState,
                    sent: Value, throwing: ExceptionObject?, base: Int) throws -> Value? {
        unowned(unsafe) let interp = f.interpreter
        let ops = program.ops
        var pendingThrow = throwing
        var sentValue = sent
        while true {
            do {
                if let exc = pendingThrow {
                    pendingThrow = nil
                    // Thrown in at a suspended `yield from`: pass it to the delegate first.
                    if state.resuming, state.pc < ops.count, case .yieldFrom(_, let slot, let action, _) = ops[state.pc],
                       case .object(let o) = f.slots[slot], let delegate = o as? any Coroutine {
                        if let v = try delegate.throwInto(exc) { return v }
                        f.slots[slot] = .unbound
                        state.resuming = false
                        if let done = try finish(action, delegate.returnValue, f, state) { return done }
                        continue
                    }
                    state.resuming = false
                    throw ScriptError(exc)
                }
                while state.pc < ops.count {
                    switch ops[state.pc] {
                    case .stmt(let s):
                        try tick(f)
                        do { _ = try s.with { try $0.exec(f) } } catch let e as ScriptError { throw e.locate(s.with(\.span), f) }
                        state.pc += 1
                    case .jump(let target):
                        state.pc = target
                    case .jumpIfFalse(let test, let target):
                        try tick(f)
                        let truth: Bool
                        do { truth = try test.with { try $0.evalBool(f) } } catch let e as ScriptError { throw e.locate(test.with(\.span), f) }
                        state.pc = truth ? state.pc + 1 : target
                    case .getIterator(let e, let slot):
                        let v = try e.with { try $0.eval(f) }
                        do { f.slots[slot] = .object(IteratorBox(try interp.iterator(v))) } catch let err as ScriptError {
                            throw err.locate(e.with(\.span), f)
                        }
                        state.pc += 1
                    case .forIterator(let slot, let target, let exit):
                        try tick(f)
                        guard case .object(let o) = f.slots[slot], let box = o as? IteratorBox else {
                            throw ScriptError.runtimeError("internal error: missing loop iterator")
                        }
                        if let item = try box.iterator.next(interp) {
                            try target.with { try $0.assign(item, f) }
                            state.pc += 1
                        } else {
                            f.slots[slot] = .unbound
                            state.pc = exit
                        }
                    case .yieldValue(let e, let action, let span):
                        if state.resuming {
                            state.resuming = false
                            let v = sentValue
                            sentValue = .none
                            do {
                                if let done = try finish(action, v, f, state) { return done }
                            } catch let err as ScriptError { throw err.locate(span, f) }
                            continue
                        }
                        try tick(f)
                        let v: Value
                        do { v = try e?.with { try $0.eval(f) } ?? .none } catch let err as ScriptError { throw err.locate(span, f) }
                        state.resuming = true
                        return v
                    case .yieldFrom(let e, let slot, let action, let span):
                        let delegateValue: Value
                        if state.resuming {
                            delegateValue = f.slots[slot]
                        } else {
                            try tick(f)
                            let source: Value
                            do { source = try e.with { try $0.eval(f) } } catch let err as ScriptError { throw err.locate(span, f) }
                            if case .object(let o) = source, o is any Coroutine {
                                delegateValue = source
                            } else {
                                do { delegateValue = .object(IteratorBox(try interp.iterator(source))) } catch let err as ScriptError {
                                    throw err.locate(span, f)
                                }
                            }
                            f.slots[slot] = delegateValue
                        }
                        let toSend = state.resuming ? sentValue : .none
                        sentValue = .none
                        var next: Value?
                        var result = Value.none
                        do {
                            if case .object(let o) = delegateValue, let g = o as? GeneratorObject {
                                next = try g.send(toSend)
                                result = g.returnValue
                            } else if case .object(let o) = delegateValue, let c = o as? any Coroutine {
                                next = try c.send(toSend)
                                result = c.returnValue
                            } else if case .object(let o) = delegateValue, let box = o as? IteratorBox {
                                if !toSend.isNone {
                                    throw ScriptError.attributeError("'\(box.typeName)' object has no attribute 'send'")
                                }
                                next = try box.iterator.next(interp)
                            }
                        } catch let err as ScriptError {
                            f.slots[slot] = .unbound
                            state.resuming = false
                            throw err.locate(span, f)
                        }
                        if let v = next {
                            state.resuming = true
                            return v
                        }
                        f.slots[slot] = .unbound
                        state.resuming = false
                        if let done = try finish(action, result, f, state) { return done }
                    case .returnValue(let e, let span):
                        do { f.returnValue = try e?.with { try $0.eval(f) } ?? .none } catch let err as ScriptError { throw err.locate(span, f) }
                        state.pc = ops.count
                        return nil
                    case .pushHandler(let target, let slot):
                        state.handlers.append((target, slot, interp.handledExceptions.count - base))
                        state.pc += 1
                    case .popHandler:
                        _ = state.handlers.popLast()
                        state.pc += 1
                    case .enterHandler(let slot):
                        if case .object(let o) = f.slots[slot], let exc = o as? ExceptionObject {
                            interp.handledExceptions.append(exc)
                        }
                        state.pc += 1
                    case .matchException(let typeExpr, let slot, let target, let next):
                        guard case .object(let o) = f.slots[slot], let exc = o as? ExceptionObject else {
                            state.pc = next
                            continue
                        }
                        if let typeExpr {
                            let t = try typeExpr.with { try $0.eval(f) }
                            guard exc.isCatchable, try interp.exceptionMatches(exc, t) else {
                                state.pc = next
                                continue
                            }
                        } else if !exc.isCatchable {
                            state.pc = next
                            continue
                        }
                        try target?.with { try $0.assign(.object(exc), f) }
                        state.pc += 1
                    case .exitHandler(let target):
                        if !interp.handledExceptions.isEmpty, interp.handledExceptions.count > base {
                            interp.handledExceptions.removeLast()
                        }
                        if let target { try? target.with { try $0.delete(f) } }
                        state.pc += 1
                    case .reraise(let slot):
                        guard case .object(let o) = f.slots[slot], let exc = o as? ExceptionObject else {
                            throw ScriptError.runtimeError("internal error: no exception to re-raise")
                        }
                        f.slots[slot] = .unbound
                        throw ScriptError(exc)
                    }
                }
                return nil
            } catch let e as ScriptError {
                // Dispatch to the innermost active handler of this generator, if any.
                guard let handler = state.handlers.popLast() else { throw e }
                let keep = base + handler.depth
                if interp.handledExceptions.count > keep {
                    interp.handledExceptions.removeSubrange(keep...)
                }
                if e.exception.needsLocation { _ = e.locate(f.code.source.lines.isEmpty ? SourceSpan(.init(line: 1, column: 0), .init(line: 1, column: 0)) : currentSpan(ops, state.pc), f) }
                if e.exception.context == nil, let handled = interp.handledExceptions.last, handled !== e.exception {
                    e.exception.context = handled
                }
                f.slots[handler.slot] = .object(e.exception)
                state.pc = handler.target
                state.resuming = false
            }
        }
    }

    private static func currentSpan(_ ops: [GeneratorOp], _ pc: Int) -> SourceSpan {
        guard pc < ops.count else { return SourceSpan(.init(line: 1, column: 0), .init(line: 1, column: 0)) }
        switch ops[pc] {
        case .stmt(let s): return s.with(\.span)
        case .jumpIfFalse(let e, _), .getIterator(let e, _): return e.with(\.span)
        case .yieldValue(_, _, let s), .yieldFrom(_, _, _, let s), .returnValue(_, let s): return s
        case .forIterator(_, let t, _): return t.with(\.span)
        default: return SourceSpan(.init(line: 1, column: 0), .init(line: 1, column: 0))
        }
    }

    /// Applies what happens after a yield resumes; returns nil to continue running, or
    /// never (a `return` sets pc to the end and the loop returns nil itself).
    private static func finish(_ action: ResumeAction, _ value: Value, _ f: Frame, _ state: GeneratorState) throws -> Value? {
        switch action {
        case .discard:
            state.pc += 1
        case .assign(let targets):
            try targets.with { list in
                for t in list.targets { try t.assign(value, f) }
            }
            state.pc += 1
        case .returnIt:
            f.returnValue = value
            state.pc = Int.max / 2
        }
        return nil
    }
}

/// Holds an iterator in a frame slot (loop state of a suspended generator).
final class IteratorBox: ScriptObject {
    let iterator: any ValueIterator
    init(_ iterator: any ValueIterator) {
        self.iterator = iterator
    }
    var typeName: String { "iterator" }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { iterator }
    func repr(_ interpreter: Interpreter) throws -> String { "<iterator object>" }
}
