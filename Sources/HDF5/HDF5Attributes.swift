internal import CHDF5

/// A value stored as an attribute.
public enum HDF5AttributeValue: Equatable, Sendable {
    case string(String)
    case strings([String])
    case double(Double)
    case doubles([Double])
    case int(Int)
}

/// Groups and datasets carry attributes (NeXus classes, `@signal`, `@axes`, units …).
public protocol HDF5AttributeHolder: AnyObject {
    /// The object's path, for error messages.
    var name: String { get }
}

protocol HDF5Object: HDF5AttributeHolder {
    var objectID: hid_t { get }
}

extension HDF5Group: HDF5Object {}
extension HDF5Dataset: HDF5Object {}

extension HDF5AttributeHolder {
    /// Sets (or replaces) attribute `key`. Strings are stored as variable-length UTF-8, as
    /// h5py writes them.
    public func setAttribute(_ key: String, _ value: HDF5AttributeValue) throws {
        guard let object = self as? any HDF5Object else { return }
        let id = object.objectID
        if H5Aexists(id, key) > 0 { H5Adelete(id, key) }
        switch value {
        case .string(let s): try writeStrings(id, key, [s], scalar: true)
        case .strings(let list): try writeStrings(id, key, list, scalar: false)
        case .double(let d): try writeNumbers(id, key, [d], scalar: true, type: bt_h5t_native_double())
        case .doubles(let list): try writeNumbers(id, key, list, scalar: false, type: bt_h5t_native_double())
        case .int(let i):
            var v = Int64(i)
            let space = H5Screate(H5S_SCALAR)
            defer { H5Sclose(space) }
            let a = H5Acreate2(id, key, bt_h5t_native_int64(), space, bt_h5p_default(), bt_h5p_default())
            guard a >= 0 else { throw HDF5Error("create attribute \(key) on", name) }
            defer { H5Aclose(a) }
            guard H5Awrite(a, bt_h5t_native_int64(), &v) >= 0 else { throw HDF5Error("write attribute \(key) on", name) }
        }
    }

    /// The string attribute `key`, if there is one.
    public func stringAttribute(_ key: String) -> String? { stringsAttribute(key)?.first }

    /// The string or string-list attribute `key`, if there is one.
    public func stringsAttribute(_ key: String) -> [String]? {
        readingAttribute(key) { a, space in
            let count = max(1, Int(H5Sget_simple_extent_npoints(space)))
            let type = H5Tcopy(bt_h5t_c_s1())
            defer { H5Tclose(type) }
            H5Tset_size(type, bt_h5t_variable())
            H5Tset_cset(type, H5T_CSET_UTF8)
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            guard H5Aread(a, type, &pointers) >= 0 else { return nil }
            defer { H5Dvlen_reclaim(type, space, bt_h5p_default(), &pointers) }
            return pointers.map { $0.map { String(cString: $0) } ?? "" }
        }
    }

    /// The numeric attribute `key` as doubles, if there is one.
    public func numberAttribute(_ key: String) -> [Double]? {
        readingAttribute(key) { a, space in
            var out = [Double](repeating: 0, count: max(1, Int(H5Sget_simple_extent_npoints(space))))
            guard H5Aread(a, bt_h5t_native_double(), &out) >= 0 else { return nil }
            return out
        }
    }

    private func writeStrings(_ id: hid_t, _ key: String, _ values: [String], scalar: Bool) throws {
        let type = H5Tcopy(bt_h5t_c_s1())
        defer { H5Tclose(type) }
        H5Tset_size(type, bt_h5t_variable())
        H5Tset_cset(type, H5T_CSET_UTF8)
        var dims = [hsize_t(values.count)]
        let space = scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, &dims, nil)
        defer { H5Sclose(space) }
        let a = H5Acreate2(id, key, type, space, bt_h5p_default(), bt_h5p_default())
        guard a >= 0 else { throw HDF5Error("create attribute \(key) on", name) }
        defer { H5Aclose(a) }
        var pointers: [UnsafeMutablePointer<CChar>?] = values.map { strdup($0) }
        defer { for p in pointers { free(p) } }
        guard H5Awrite(a, type, &pointers) >= 0 else { throw HDF5Error("write attribute \(key) on", name) }
    }

    /// Opens the attribute `key` and its dataspace for `body`, closing both after; nil when
    /// the object has no such attribute or it cannot be opened.
    private func readingAttribute<T>(_ key: String, _ body: (hid_t, hid_t) -> T?) -> T? {
        guard let object = self as? any HDF5Object, H5Aexists(object.objectID, key) > 0 else { return nil }
        let a = H5Aopen(object.objectID, key, bt_h5p_default())
        guard a >= 0 else { return nil }
        defer { H5Aclose(a) }
        let space = H5Aget_space(a)
        defer { H5Sclose(space) }
        return body(a, space)
    }

    private func writeNumbers(_ id: hid_t, _ key: String, _ values: [Double], scalar: Bool, type: hid_t) throws {
        var dims = [hsize_t(values.count)]
        let space = scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, &dims, nil)
        defer { H5Sclose(space) }
        let a = H5Acreate2(id, key, type, space, bt_h5p_default(), bt_h5p_default())
        guard a >= 0 else { throw HDF5Error("create attribute \(key) on", name) }
        defer { H5Aclose(a) }
        var v = values
        guard H5Awrite(a, type, &v) >= 0 else { throw HDF5Error("write attribute \(key) on", name) }
    }
}

import Glibc
