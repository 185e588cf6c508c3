/// Something `yield from` can delegate to with Python's generator semantics: values sent
/// in, exceptions thrown in, a return value at the end. Generators of the cell language
/// are coroutines; so are plans written in Swift (the run engine's built-in plans), which
/// is how `yield from scan(...)` inside a user's generator works.
public protocol Coroutine: ScriptObject {
    /// Resumes with `value`; returns the next yielded value, or nil when finished (the
    /// result is then in `returnValue`).
    func send(_ value: Value) throws -> Value?
    /// Raises `exception` where the coroutine is suspended; returns the next yielded value,
    /// or nil when it finished by returning. Rethrows what it does not handle.
    func throwInto(_ exception: ExceptionObject) throws -> Value?
    /// Finishes the coroutine early (GeneratorExit for generators).
    func close() throws
    /// The value it returned with.
    var returnValue: Value { get }
}

extension GeneratorObject: Coroutine {}
