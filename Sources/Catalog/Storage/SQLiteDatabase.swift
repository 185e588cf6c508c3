import CSQLite

/// A failed SQLite call, with SQLite's message.
public struct SQLiteError: Error, CustomStringConvertible, Equatable {
    /// SQLite's result code.
    public var code: Int32
    /// SQLite's explanation and what was being done.
    public var message: String
    public var description: String { "SQLite error \(code): \(message)" }
}

/// One SQLite connection (used by one thread at a time), with prepared statements.
public final class SQLiteDatabase {
    let handle: OpaquePointer
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw SQLiteError(code: rc, message: "\(path): \(message)")
        }
        handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5000)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? "error"
            sqlite3_free(error)
            throw SQLiteError(code: rc, message: message)
        }
    }

    /// A prepared statement for `sql` (`?` placeholders).
    public func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw SQLiteError(code: rc, message: "\(lastError) in: \(sql)") }
        return SQLiteStatement(statement, database: self)
    }

    private var statements: [String: SQLiteStatement] = [:]

    /// A prepared statement for `sql`, kept for reuse (the same SQL text is prepared once).
    public func cached(_ sql: String) throws -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `sql` with `values` bound and returns every row.
    public func query(_ sql: String, _ values: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        let statement = try cached(sql)
        defer { statement.finish() }
        try statement.bind(values)
        var rows: [[SQLiteValue]] = []
        while try statement.step() { rows.append(statement.row) }
        return rows
    }

    /// Runs `sql` with `values` bound, discarding results.
    public func run(_ sql: String, _ values: [SQLiteValue] = []) throws {
        let statement = try cached(sql)
        defer { statement.finish() }
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs `body` in a transaction, committed if it returns and rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    var lastError: String { String(cString: sqlite3_errmsg(handle)) }

    /// Adds `regexp(pattern, text)`: whether Swift's Regex finds `pattern` in `text`. The
    /// compiled pattern is kept by SQLite for the whole statement (auxdata), not rebuilt
    /// per row.
    func registerRegexp() {
        sqlite3_create_function_v2(handle, "regexp", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil, { context, count, arguments in
            guard count == 2, let arguments, let p = sqlite3_value_text(arguments[0]), let t = sqlite3_value_text(arguments[1]) else {
                sqlite3_result_int(context, 0)
                return
            }
            let compiled: CompiledPattern
            if let cached = sqlite3_get_auxdata(context, 0) {
                compiled = Unmanaged<CompiledPattern>.fromOpaque(cached).takeUnretainedValue()
            } else {
                compiled = CompiledPattern(String(cString: p))
                sqlite3_set_auxdata(context, 0, Unmanaged.passRetained(compiled).toOpaque()) { raw in
                    if let raw { Unmanaged<CompiledPattern>.fromOpaque(raw).release() }
                }
            }
            let text = String(cString: t)
            sqlite3_result_int(context, compiled.regex.map { text.contains($0) } ?? false ? 1 : 0)
        }, nil, nil, nil)
    }
}

/// A value going into or coming out of SQLite.
public enum SQLiteValue: Equatable, Sendable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    /// The text, if this is text.
    public var text: String? { if case .text(let s) = self { return s } else { return nil } }
    /// The integer, if this is one.
    public var integer: Int? { if case .integer(let i) = self { return i } else { return nil } }
    /// The number as a double, if this is a number.
    public var real: Double? {
        switch self {
        case .real(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
}

/// A prepared statement, reusable after `reset`.
public final class SQLiteStatement {
    let handle: OpaquePointer
    unowned let database: SQLiteDatabase

    init(_ handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds values to the placeholders in order (after a reset).
    public func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, Int64(v))
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            case .text(let v): rc = sqlite3_bind_text(handle, index, v, -1, bt_sqlite_transient())
            }
            guard rc == SQLITE_OK else { throw SQLiteError(code: rc, message: database.lastError) }
        }
    }

    /// Ends the current execution (releases read locks) without clearing the bindings.
    public func finish() { sqlite3_reset(handle) }

    /// Advances; returns whether a row is available.
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        throw SQLiteError(code: rc, message: database.lastError)
    }

    /// The current row.
    public var row: [SQLiteValue] {
        (0..<sqlite3_column_count(handle)).map { column in
            switch sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(handle, column)))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
            case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(handle, column)))
            default: return .null
            }
        }
    }
}

/// A regular expression compiled once per statement.
final class CompiledPattern {
    let regex: Regex<AnyRegexOutput>?
    init(_ pattern: String) { regex = try? Regex(pattern) }
}
