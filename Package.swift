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
        .target(name: "Platform", swiftSettings: optimise),
        .target(name: "JSON", swiftSettings: optimise),
        .target(name: "ZeroMQ", dependencies: ["CZeroMQ"], swiftSettings: optimise),
        .target(name: "Jupyter", dependencies: ["JSON", "Platform", "ZeroMQ"], swiftSettings: optimise),
        .target(name: "Script", dependencies: ["CScriptSupport"], swiftSettings: optimise),
        .target(name: "BeamtimeKernel", dependencies: ["Jupyter", "JSON", "Script"], swiftSettings: optimise),
        .executableTarget(
            name: "beamtime",
            dependencies: [
                "BeamtimeKernel", "Jupyter", "JSON", "Platform", "Script",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: optimise
        ),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "ZeroMQTests", dependencies: ["ZeroMQ"]),
        .testTarget(name: "JupyterTests", dependencies: ["Jupyter", "JSON", "Platform", "ZeroMQ"]),
        .testTarget(name: "BeamtimeKernelTests", dependencies: ["BeamtimeKernel", "Jupyter", "JSON", "Script"]),
        .testTarget(
            name: "ScriptTests",
            dependencies: ["Script"],
            exclude: ["Corpus", "reference_runner.py"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
