import JSON

extension Document {
    /// Packs events of one descriptor into an event page (columns per key), as
    /// event-model's `pack_event_page` does. Returns nil for an empty list.
    public static func eventPage(_ events: [Document]) -> Document? {
        guard let first = events.first else { return nil }
        var columns: [String: [JSONValue]] = [:]
        var timestampColumns: [String: [JSONValue]] = [:]
        var filledColumns: [String: [JSONValue]] = [:]
        let keys = first.body["data"]?.object?.keys ?? []
        for event in events {
            for key in keys {
                columns[key, default: []].append(event.body["data"]?[key] ?? .null)
                timestampColumns[key, default: []].append(event.body["timestamps"]?[key] ?? .null)
            }
            for member in event.body["filled"]?.object ?? [:] { filledColumns[member.key, default: []].append(member.value) }
        }
        func object(_ columns: [String: [JSONValue]], _ order: [String]) -> JSONValue {
            .object(JSONObject(order.compactMap { k in columns[k].map { (k, .array($0)) } }))
        }
        return Document(.eventPage, [
            "time": .array(events.map { $0.body["time"] ?? .null }),
            "uid": .array(events.map { $0.body["uid"] ?? .null }),
            "seq_num": .array(events.map { $0.body["seq_num"] ?? .null }),
            "descriptor": first.body["descriptor"] ?? .null,
            "data": object(columns, keys),
            "timestamps": object(timestampColumns, keys),
            "filled": object(filledColumns, filledColumns.keys.sorted()),
        ])
    }
}
