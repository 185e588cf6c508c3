/// A view of a dict's keys, values or items.
final class DictView: ScriptObject {
    enum Kind: String { case keys = "dict_keys", values = "dict_values", items = "dict_items" }
    let dict: DictObject
    let kind: Kind
    init(_ dict: DictObject, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }
    var typeName: String { kind.rawValue }
    var values: [Value] {
        switch kind {
        case .keys: return dict.orderedKeys
        case .values: return dict.entries.map(\.value)
        case .items: return dict.entries.map { .tuple([$0.key, $0.value]) }
        }
    }
    func length(_ interpreter: Interpreter) throws -> Int? { dict.count }
    func makeIterator(_ interpreter: Interpreter) throws -> (any ValueIterator)? { DictIterator(dict, kind) }
    func repr(_ interpreter: Interpreter) throws -> String {
        "\(kind.rawValue)([" + (try values.map { try interpreter.repr($0) }.joined(separator: ", ")) + "])"
    }
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        switch kind {
        case .keys: return dict.get(try HashKey(value)) != nil
        default:
            for v in values where try interpreter.equal(v, value) { return true }
            return false
        }
    }
    func hashKey() -> Int? { nil }
}
