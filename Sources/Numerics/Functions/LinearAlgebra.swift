/// Products of vectors and matrices (`dot`, `matmul`, `@`).
public enum LinearAlgebra {
    /// numpy's `dot` for scalars, vectors and matrices.
    public static func dot(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        if a.ndim == 0 || b.ndim == 0 { return try Elementwise.apply(.multiply, a, b) }
        return try product(a, b, name: "dot")
    }

    /// numpy's `matmul` (`a @ b`) for vectors and matrices; scalars are refused as numpy does.
    public static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        if a.ndim == 0 || b.ndim == 0 {
            throw NumericsError.value("matmul: Input operand \(a.ndim == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
        }
        return try product(a, b, name: "matmul")
    }

    private static func product(_ a: NDArray, _ b: NDArray, name: String) throws -> NDArray {
        guard a.ndim <= 2 && b.ndim <= 2 else {
            throw NumericsError.value("\(name): arrays of more than 2 dimensions are not supported")
        }
        let left = a.ndim == 1 ? try a.reshaped([1, a.shape[0]]) : a
        let right = b.ndim == 1 ? try b.reshaped([b.shape[0], 1]) : b
        let (n, k) = (left.shape[0], left.shape[1])
        let (k2, m) = (right.shape[0], right.shape[1])
        guard k == k2 else {
            if name == "matmul" {
                throw NumericsError.value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(k2) is different from \(k))")
            }
            throw NumericsError.value("shapes \(shapeText(a.shape)) and \(shapeText(b.shape)) not aligned: \(k) (dim \(a.ndim - 1)) != \(k2) (dim 0)")
        }
        let type = ElementType.promoted(a.elementType, b.elementType) == .bool ? ElementType.bool : ElementType.promoted(a.elementType, b.elementType)
        let lc = left.contiguous(), rc = right.contiguous()
        let pa = lc.buffer.base + lc.offset, pb = rc.buffer.base + rc.offset
        var result = NDArray.make(shape: [n, m], elementType: type) { out, count in
            out.initialize(repeating: 0, count: count)
            for i in 0..<n {
                let row = out + i * m
                for p in 0..<k {
                    let av = pa[i * k + p]
                    let brow = pb + p * m
                    for j in 0..<m { row[j] += av * brow[j] }
                }
            }
        }
        if type == .bool { result = result.map(.bool) { $0 != 0 ? 1 : 0 } }
        var shape: [Int] = []
        if a.ndim == 2 { shape.append(n) }
        if b.ndim == 2 { shape.append(m) }
        return try result.reshaped(shape)
    }
}
