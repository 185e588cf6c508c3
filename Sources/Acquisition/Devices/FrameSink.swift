/// Where an area detector hands its frames so they can be stored outside events (the
/// catalogue writes them into the run's HDF5 file). Called on the run engine's thread.
public protocol FrameSink: AnyObject {
    /// Takes the frame that datum `datumID` of data key `dataKey` refers to (row-major).
    func store(dataKey: String, datumID: String, frame: [Double], rows: Int, columns: Int)
}
