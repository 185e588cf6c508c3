internal import CHDF5

/// The element types Beamtime stores.
public enum HDF5ElementType: Sendable {
    case double
    case int64

    var fileType: hid_t { self == .double ? bt_h5t_native_double() : bt_h5t_native_int64() }
}

/// An n-dimensional dataset of numbers, stored row-major.
public final class HDF5Dataset: HDF5AttributeHolder {
    let id: hid_t
    /// The dataset's path in the file.
    public let name: String
    /// The stored element type.
    public let type: HDF5ElementType

    init(id: hid_t, name: String, type: HDF5ElementType) {
        self.id = id
        self.name = name
        self.type = type
    }

    deinit { H5Dclose(id) }

    var objectID: hid_t { id }

    /// The current shape.
    public var shape: [Int] {
        let space = H5Dget_space(id)
        defer { H5Sclose(space) }
        let rank = Int(H5Sget_simple_extent_ndims(space))
        guard rank > 0 else { return [] }
        var dims = [hsize_t](repeating: 0, count: rank)
        H5Sget_simple_extent_dims(space, &dims, nil)
        return dims.map { Int($0) }
    }

    /// Writes all values (row-major; the count must match the shape).
    public func write(_ values: [Double]) throws {
        guard values.count == shape.reduce(1, *) else { throw HDF5Error("write \(values.count) values to", name) }
        let rc = values.withUnsafeBufferPointer { H5Dwrite(id, bt_h5t_native_double(), bt_h5s_all(), bt_h5s_all(), bt_h5p_default(), $0.baseAddress) }
        guard rc >= 0 else { throw HDF5Error("write", name) }
    }

    /// Appends `rows` along the first dimension (the dataset must be extendable); `values`
    /// holds them row-major.
    public func append(_ values: [Double], rows: Int) throws {
        var dims = shape.map { hsize_t($0) }
        guard !dims.isEmpty, rows > 0 else { return }
        let rowSize = dims.dropFirst().reduce(1) { $0 * Int($1) }
        guard values.count == rows * rowSize else { throw HDF5Error("append \(values.count) values (\(rows) rows) to", name) }
        let start = dims[0]
        dims[0] += hsize_t(rows)
        guard H5Dset_extent(id, &dims) >= 0 else { throw HDF5Error("extend", name) }
        let fileSpace = H5Dget_space(id)
        defer { H5Sclose(fileSpace) }
        var offset = [hsize_t](repeating: 0, count: dims.count)
        offset[0] = start
        var count = dims
        count[0] = hsize_t(rows)
        H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, &offset, nil, &count, nil)
        let memorySpace = H5Screate_simple(Int32(count.count), &count, nil)
        defer { H5Sclose(memorySpace) }
        let rc = values.withUnsafeBufferPointer { H5Dwrite(id, bt_h5t_native_double(), memorySpace, fileSpace, bt_h5p_default(), $0.baseAddress) }
        guard rc >= 0 else { throw HDF5Error("append to", name) }
    }

    /// All values, row-major, as doubles.
    public func read() throws -> [Double] { try read(rows: 0..<(shape.first ?? 1)) }

    /// The values of `rows` along the first dimension, row-major.
    public func read(rows: Range<Int>) throws -> [Double] {
        let dims = shape.map { hsize_t($0) }
        if dims.isEmpty {
            var value = 0.0
            guard H5Dread(id, bt_h5t_native_double(), bt_h5s_all(), bt_h5s_all(), bt_h5p_default(), &value) >= 0 else {
                throw HDF5Error("read", name)
            }
            return [value]
        }
        guard rows.lowerBound >= 0, rows.upperBound <= Int(dims[0]) else {
            throw HDF5Error("read rows \(rows.lowerBound)..<\(rows.upperBound) of", name)
        }
        let rowSize = dims.dropFirst().reduce(1) { $0 * Int($1) }
        if rows.isEmpty { return [] }
        let fileSpace = H5Dget_space(id)
        defer { H5Sclose(fileSpace) }
        var offset = [hsize_t](repeating: 0, count: dims.count)
        offset[0] = hsize_t(rows.lowerBound)
        var count = dims
        count[0] = hsize_t(rows.count)
        H5Sselect_hyperslab(fileSpace, H5S_SELECT_SET, &offset, nil, &count, nil)
        let memorySpace = H5Screate_simple(Int32(count.count), &count, nil)
        defer { H5Sclose(memorySpace) }
        var out = [Double](repeating: 0, count: rows.count * rowSize)
        let rc = out.withUnsafeMutableBufferPointer { H5Dread(id, bt_h5t_native_double(), memorySpace, fileSpace, bt_h5p_default(), $0.baseAddress) }
        guard rc >= 0 else { throw HDF5Error("read", name) }
        return out
    }

    /// Re-reads the dataset's metadata (a SWMR reader sees new rows after this).
    public func refresh() throws {
        guard H5Drefresh(id) >= 0 else { throw HDF5Error("refresh", name) }
    }

    /// Writes this dataset's buffered data to disk (SWMR readers can then see it).
    public func flush() throws {
        guard H5Dflush(id) >= 0 else { throw HDF5Error("flush", name) }
    }
}
