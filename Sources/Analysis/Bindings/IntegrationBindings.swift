import Numerics
import Script

/// `azimuthal_integrate` (with its pixel-to-bin table kept for the next image of the same
/// geometry) and `radial_profile`.
final class IntegrationBindings {
    /// The last integrator built in this session, reused while the geometry stays the same.
    private var cached: (key: String, mask: [Bool]?, integrator: AzimuthalIntegrator)?

    static func install(into interpreter: Interpreter) {
        let bindings = IntegrationBindings()
        interpreter.setBuiltin("azimuthal_integrate", .object(NumpyFunction(
            "azimuthal_integrate(image, center, pixel_size, distance, wavelength, npt=1000, mask=None, unit='q_A^-1')", """
            Azimuthal (1-D) integration of a detector image, as pyFAI's integrate1d with its default pixel splitting
            and solid-angle correction, for a flat detector perpendicular to the beam.
            center: (row, column) of the beam in pixels (pixel centres at whole numbers); pixel_size, distance and
            wavelength in metres; unit 'q_A^-1', 'q_nm^-1', '2th_deg' or 'r_mm'; mask: nonzero pixels are left out.
            Returns (radial, intensity). The pixel-to-bin table is kept, so the next image of the same geometry is fast.
            """) { b, i in try bindings.integrate(b, i) }.builtin))
        interpreter.setBuiltin("radial_profile", .object(NumpyFunction("radial_profile(image, center, mask=None)", """
            Mean intensity at each whole-pixel distance from center (row, column): returns (radius, mean), radius in
            pixels 0, 1, 2, ...; NaN where no pixel falls.
            """) { b, i in
            let center = try ArrayConversion.floatArray(b.required("center"), i).values
            guard center.count == 2 else { throw ScriptError.typeError("center must be (row, column)") }
            let (r, mean) = try RadialProfile.compute(try b.array("image", i), centerRow: center[0], centerColumn: center[1],
                                                      mask: try b.optionalArray("mask", i))
            return .tuple([ArrayObject.wrap(NDArray(r)), ArrayObject.wrap(NDArray(mean))])
        }.builtin))
    }

    private func integrate(_ b: BoundArguments, _ i: Interpreter) throws -> Value {
        let image = try b.array("image", i).converted(to: .float64).contiguous()
        guard image.ndim == 2 else { throw ScriptError.valueError("azimuthal_integrate takes one 2-D image") }
        let center = try ArrayConversion.floatArray(b.required("center"), i).values
        guard center.count == 2 else { throw ScriptError.typeError("center must be (row, column) in pixels") }
        func number(_ name: String) throws -> Double {
            guard let v = try b.double(name) else { throw ScriptError.typeError("azimuthal_integrate() missing \(name)") }
            return v
        }
        let geometry = DetectorGeometry(rows: image.shape[0], columns: image.shape[1], centerRow: center[0], centerColumn: center[1],
                                        pixelSize: try number("pixel_size"), distance: try number("distance"),
                                        wavelength: try number("wavelength"))
        let npt = try b.int("npt") ?? 1000
        let unitName = try b.string("unit") ?? "q_A^-1"
        guard let unit = RadialUnit(rawValue: unitName) else {
            throw ScriptError.valueError("unknown unit '\(unitName)'; choose one of \(RadialUnit.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var mask: [Bool]?
        if let m = try b.optionalArray("mask", i) {
            guard m.shape == image.shape else { throw ScriptError.valueError("mask shape \(shapeText(m.shape)) does not match the image \(shapeText(image.shape))") }
            mask = m.values.map { $0 != 0 }
        }
        let key = "\(geometry)|\(npt)|\(unit.rawValue)"
        let integrator: AzimuthalIntegrator
        if let cached, cached.key == key, cached.mask == mask {
            integrator = cached.integrator
        } else {
            integrator = try AzimuthalIntegrator(geometry: geometry, bins: npt, unit: unit, mask: mask)
            cached = (key, mask, integrator)
        }
        let intensity = integrator.integrate(image.buffer.base + image.offset)
        return .tuple([ArrayObject.wrap(NDArray(integrator.radial)), ArrayObject.wrap(NDArray(intensity))])
    }
}
