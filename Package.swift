// swift-tools-version:6.0
import PackageDescription

/// Beamtime: a Jupyter kernel, a papermill-compatible executor and a report renderer for
/// synchrotron beamlines. Modules are listed lowest first; dependencies point down.
let optimise: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "Beamtime",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "beamtime", targets: ["beamtime"]),
        .library(name: "Script", targets: ["Script"]),
        .library(name: "Jupyter", targets: ["Jupyter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "CScriptSupport"),
        .target(name: "CZeroMQ"),
        // libhdf5 is opened with dlopen on first use (see Sources/CHDF5): linked, its
        // dependencies (libcurl and ~40 more) would slow every start of the kernel.
        .target(name: "CHDF5", cSettings: [.unsafeFlags(["-I/usr/include/hdf5/serial"])],
                linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .systemLibrary(name: "CCMark"),
        .target(name: "HDF5", dependencies: ["CHDF5"],
                swiftSettings: optimise + [.unsafeFlags(["-Xcc", "-I/usr/include/hdf5/serial"])]),
        .target(name: "Platform", swiftSettings: optimise),
        .target(name: "JSON", swiftSettings: optimise),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: optimise),
        .target(name: "Jupyter", dependencies: ["JSON", "Platform", "ZeroMQ"], swiftSettings: optimise),
        .target(name: "Script", dependencies: ["CScriptSupport"], swiftSettings: optimise),
        .target(name: "Numerics", dependencies: ["Script"], swiftSettings: optimise),
        .target(name: "Documents", dependencies: ["JSON", "Platform"], swiftSettings: optimise),
        .target(name: "Acquisition", dependencies: ["Documents", "JSON", "Platform", "Script"], swiftSettings: optimise),
        .target(name: "Catalog", dependencies: ["Acquisition", "CSQLite", "Documents", "HDF5", "JSON", "Numerics", "Platform", "Script"], swiftSettings: optimise),
        .target(name: "Analysis", dependencies: ["Numerics", "Script"], swiftSettings: optimise),
        .target(name: "Notebook", dependencies: ["JSON"], swiftSettings: optimise),
        .target(name: "Report", dependencies: ["CCMark", "JSON", "Notebook", "Platform"], swiftSettings: optimise),
        .target(name: "Pipeline", dependencies: ["Catalog", "Documents", "JSON", "Notebook", "Platform", "Report"], swiftSettings: optimise),
        .target(name: "Executor", dependencies: ["JSON", "Jupyter", "Notebook", "Platform"], swiftSettings: optimise),
        .target(name: "Plot", dependencies: ["CZlib", "Numerics", "Platform", "Script"], exclude: ["make_colormaps.py"], swiftSettings: optimise),
        .target(name: "BeamtimeKernel", dependencies: ["Acquisition", "Analysis", "Catalog", "Documents", "Executor", "Jupyter", "JSON", "Numerics", "Pipeline", "Platform", "Plot", "Script"],
                swiftSettings: optimise),
        .executableTarget(
            name: "beamtime",
            dependencies: [
                "Acquisition", "BeamtimeKernel", "Catalog", "Documents", "Executor", "Jupyter", "JSON", "Notebook", "Pipeline", "Platform", "Report", "Script",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimise,
            // The Swift runtime linked in: the kernel starts in a third less time (fewer
            // shared libraries to map and relocate) and idles in less memory.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCShims", "-l_FoundationCollections"], .when(configuration: .release))]
        ),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "JupyterTests", dependencies: ["Jupyter", "JSON", "Platform", "ZeroMQ"]),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "JSON"]),
        .testTarget(name: "AcquisitionTests", dependencies: ["Acquisition", "Documents", "JSON", "Platform", "Script"]),
        .testTarget(name: "NumericsTests", dependencies: ["Numerics", "Script"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Numerics", "Script"]),
        .testTarget(name: "HDF5Tests", dependencies: ["HDF5"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "Documents", "JSON"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "JSON"], exclude: ["Fixtures"]),
        .testTarget(name: "ExecutorTests", dependencies: ["Executor", "Notebook", "Jupyter", "JSON"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Notebook", "JSON"], exclude: ["Fixtures"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "Platform"]),
        .testTarget(name: "BeamtimeKernelTests", dependencies: ["BeamtimeKernel", "Jupyter", "JSON", "Script"]),
        .testTarget(
            name: "ScriptTests",
            dependencies: ["Script"],
            exclude: ["Corpus", "reference_runner.py"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
