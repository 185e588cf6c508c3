internal import CHDF5

/// A group: a folder of groups and datasets, with attributes.
public final class HDF5Group: HDF5AttributeHolder {
    let id: hid_t
    /// The group's path in the file.
    public let name: String

    init(id: hid_t, name: String) {
        self.id = id
        self.name = name
    }

    deinit { H5Gclose(id) }

    var objectID: hid_t { id }

    /// Creates a child group.
    public func createGroup(_ child: String) throws -> HDF5Group {
        let g = H5Gcreate2(id, child, bt_h5p_default(), bt_h5p_default(), bt_h5p_default())
        guard g >= 0 else { throw HDF5Error("create group", path(child)) }
        return HDF5Group(id: g, name: path(child))
    }

    /// Opens a child group.
    public func group(_ child: String) throws -> HDF5Group {
        let g = H5Gopen2(id, child, bt_h5p_default())
        guard g >= 0 else { throw HDF5Error("open group", path(child)) }
        return HDF5Group(id: g, name: path(child))
    }

    /// Whether a child (group, dataset or link) of that name exists.
    public func contains(_ child: String) -> Bool { H5Lexists(id, child, bt_h5p_default()) > 0 }

    /// Creates a dataset. `maximumShape` entries of nil are unlimited (the dataset can grow
    /// along them; this needs `chunks`); `deflate` (0–9) compresses the chunks.
    public func createDataset(_ child: String, type: HDF5ElementType, shape: [Int], maximumShape: [Int?]? = nil,
                              chunks: [Int]? = nil, deflate: Int? = nil) throws -> HDF5Dataset {
        var current = shape.map { hsize_t($0) }
        var maximum = (maximumShape ?? shape.map { Optional($0) }).map { $0.map { hsize_t($0) } ?? bt_h5s_unlimited() }
        let space = H5Screate_simple(Int32(shape.count), &current, &maximum)
        guard space >= 0 else { throw HDF5Error("make the dataspace of", path(child)) }
        defer { H5Sclose(space) }
        let properties = H5Pcreate(bt_h5p_dataset_create())
        defer { H5Pclose(properties) }
        if var chunks = chunks?.map({ hsize_t($0) }) {
            guard H5Pset_chunk(properties, Int32(chunks.count), &chunks) >= 0 else { throw HDF5Error("chunk", path(child)) }
            if let deflate { H5Pset_deflate(properties, UInt32(max(0, min(9, deflate)))) }
        }
        let d = H5Dcreate2(id, child, type.fileType, space, bt_h5p_default(), properties, bt_h5p_default())
        guard d >= 0 else { throw HDF5Error("create dataset", path(child)) }
        return HDF5Dataset(id: d, name: path(child), type: type)
    }

    /// Opens a child dataset.
    public func dataset(_ child: String) throws -> HDF5Dataset {
        let d = H5Dopen2(id, child, bt_h5p_default())
        guard d >= 0 else { throw HDF5Error("open dataset", path(child)) }
        let typeID = H5Dget_type(d)
        defer { H5Tclose(typeID) }
        let type: HDF5ElementType = H5Tget_class(typeID) == H5T_INTEGER ? .int64 : .double
        return HDF5Dataset(id: d, name: path(child), type: type)
    }

    /// Makes `child` a soft link to the object at absolute `target` (NeXus uses these to
    /// show one dataset in several groups).
    public func link(_ child: String, to target: String) throws {
        guard H5Lcreate_soft(target, id, child, bt_h5p_default(), bt_h5p_default()) >= 0 else {
            throw HDF5Error("link \(target) as", path(child))
        }
    }

    /// The names of the group's members, in name order.
    public var memberNames: [String] {
        var names: [String] = []
        var info = H5G_info_t()
        guard H5Gget_info(id, &info) >= 0 else { return [] }
        for index in 0..<info.nlinks {
            let size = H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, bt_h5p_default())
            guard size > 0 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(size) + 1)
            H5Lget_name_by_idx(id, ".", H5_INDEX_NAME, H5_ITER_INC, index, &buffer, Int(size) + 1, bt_h5p_default())
            names.append(String(decoding: buffer.prefix(Int(size)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return names
    }

    private func path(_ child: String) -> String { name == "/" ? "/" + child : name + "/" + child }
}
