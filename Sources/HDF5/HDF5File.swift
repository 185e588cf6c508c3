internal import CHDF5

/// An open HDF5 file. Writers create it with the latest file format so it can be written
/// under SWMR (single writer, many readers while it grows).
public final class HDF5File {
    let id: hid_t
    /// The file's path.
    public let path: String
    private var closed = false

    private init(id: hid_t, path: String) {
        self.id = id
        self.path = path
    }

    /// Creates (or, with `overwrite`, replaces) the file at `path` for writing.
    public static func create(_ path: String, overwrite: Bool = false) throws -> HDF5File {
        guard bt_hdf5_available() != 0 else { throw HDF5Error("load libhdf5 (install libhdf5-dev) to create", path) }
        bt_h5_quiet()
        let access = H5Pcreate(bt_h5p_file_access())
        defer { H5Pclose(access) }
        H5Pset_libver_bounds(access, bt_h5f_libver_latest(), bt_h5f_libver_latest())
        let id = H5Fcreate(path, overwrite ? bt_h5f_acc_trunc() : bt_h5f_acc_excl(), bt_h5p_default(), access)
        guard id >= 0 else { throw HDF5Error("create file", path) }
        return HDF5File(id: id, path: path)
    }

    /// Opens an existing file; `swmr` reads a file another process is still writing.
    public static func open(_ path: String, writable: Bool = false, swmr: Bool = false) throws -> HDF5File {
        guard bt_hdf5_available() != 0 else { throw HDF5Error("load libhdf5 (install libhdf5-dev) to open", path) }
        bt_h5_quiet()
        var flags = writable ? bt_h5f_acc_rdwr() : bt_h5f_acc_rdonly()
        if swmr { flags |= writable ? bt_h5f_acc_swmr_write() : bt_h5f_acc_swmr_read() }
        let id = H5Fopen(path, flags, bt_h5p_default())
        guard id >= 0 else { throw HDF5Error("open file", path) }
        return HDF5File(id: id, path: path)
    }

    /// Switches to SWMR writing: readers may open the file while it grows. Every dataset and
    /// attribute must exist before this call.
    public func startSWMRWrite() throws {
        guard H5Fstart_swmr_write(id) >= 0 else { throw HDF5Error("start SWMR writing on", path) }
    }

    /// Writes buffered data to disk (readers see it after their `refresh`).
    public func flush() throws {
        guard H5Fflush(id, H5F_SCOPE_GLOBAL) >= 0 else { throw HDF5Error("flush", path) }
    }

    /// The root group.
    public var root: HDF5Group {
        get throws {
            let g = H5Gopen2(id, "/", bt_h5p_default())
            guard g >= 0 else { throw HDF5Error("open root group of", path) }
            return HDF5Group(id: g, name: "/")
        }
    }

    /// Closes the file (also done when it is released).
    public func close() {
        guard !closed else { return }
        closed = true
        H5Fclose(id)
    }

    deinit { close() }
}
