import XCTest
@testable import Numerics

final class ArrayCoreTests: XCTestCase {
    func testBroadcastingAddsRowsToColumns() throws {
        let column = NDArray([1, 2, 3], shape: [3, 1])
        let row = NDArray([10, 20], shape: [2])
        let sum = try Elementwise.apply(.add, column, row)
        XCTAssertEqual(sum.shape, [3, 2])
        XCTAssertEqual(sum.values, [11, 21, 12, 22, 13, 23])
    }

    func testBooleanArithmeticStaysZeroOrOneAndMasksSelect() throws {
        let b = NDArray([1, 0, 1], elementType: .bool)
        let sum = try Elementwise.apply(.add, b, b)
        XCTAssertEqual(sum.elementType, .bool)
        XCTAssertEqual(sum.values, [1, 0, 1], "True + True is True, stored as 1")
        let data = NDArray([10, 20, 30])
        XCTAssertEqual(try data.indexed([.mask(sum)]).values, [10, 30])
        XCTAssertEqual(try data.indexed([.mask(NDArray([0, 0, 0], elementType: .bool))]).values, [])
    }

    func testRadixSortOrdersEveryKindOfDouble() {
        var generator = SplitMix(seed: 9)
        var values = (0..<5000).map { _ in Double(bitPattern: generator.next()) }.filter { !$0.isNaN }
        values += [0, -0.0, .infinity, -.infinity, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1, -1]
        var sorted = values
        Sorting.radixSort(&sorted)
        XCTAssertEqual(sorted.map(\.bitPattern).count, values.count)
        XCTAssertEqual(sorted, values.sorted(), "numeric order (−0.0 and 0.0 compare equal)")
    }

    func testIncompatibleShapesGiveNumpysMessage() {
        XCTAssertThrowsError(try Elementwise.apply(.add, NDArray([1, 2, 3]), NDArray([1, 2]))) { error in
            XCTAssertEqual((error as? NumericsError)?.message, "operands could not be broadcast together with shapes (3,) (2,) ")
        }
    }

    func testSlicesAreViewsThatShareTheBuffer() throws {
        let a = NDArray([0, 1, 2, 3, 4, 5], shape: [2, 3])
        let column = try a.indexed([.slice(start: nil, stop: nil, step: nil), .integer(1)])
        XCTAssertEqual(column.values, [1, 4])
        try column.assign(.scalar(9), at: [.ellipsis])
        XCTAssertEqual(a.values, [0, 9, 2, 3, 9, 5])
    }

    func testNegativeStepSlices() throws {
        let a = NDArray([0, 1, 2, 3, 4, 5])
        XCTAssertEqual(try a.indexed([.slice(start: nil, stop: nil, step: -2)]).values, [5, 3, 1])
        XCTAssertEqual(try a.indexed([.slice(start: 4, stop: 1, step: -1)]).values, [4, 3, 2])
    }

    func testBooleanMaskSelectsAndAssigns() throws {
        let a = NDArray([1, -2, 3, -4])
        let mask = try Elementwise.apply(.less, a, .scalar(0))
        XCTAssertEqual(mask.elementType, .bool)
        XCTAssertEqual(try a.indexed([.mask(mask)]).values, [-2, -4])
        try a.assign(.scalar(0), at: [.mask(mask)])
        XCTAssertEqual(a.values, [1, 0, 3, 0])
    }

    func testFancyIndexingOfNonAdjacentAxesMovesThemFirst() throws {
        let a = NDArray((0..<24).map(Double.init), shape: [2, 3, 4])
        let picked = try a.indexed([.integer(0), .slice(start: nil, stop: nil, step: nil), .positions(NDArray([0, 1], elementType: .int64))])
        XCTAssertEqual(picked.shape, [2, 3])
        let adjacent = try a.indexed([.slice(start: nil, stop: nil, step: nil), .positions(NDArray([2, 0], elementType: .int64))])
        XCTAssertEqual(adjacent.shape, [2, 2, 4])
        XCTAssertEqual(try adjacent.indexed([.integer(0), .integer(0)]).values, [8, 9, 10, 11])
    }

    func testOutOfBoundsIndexIsAnIndexError() {
        XCTAssertThrowsError(try NDArray([1, 2, 3]).indexed([.integer(3)])) { error in
            XCTAssertEqual((error as? NumericsError)?.kind, .index)
            XCTAssertEqual((error as? NumericsError)?.message, "index 3 is out of bounds for axis 0 with size 3")
        }
    }

    func testPairwiseSumMatchesASequentialSumOfIntegers() {
        let n = 1_000_003
        let a = NDArray.make(shape: [n]) { p, count in for i in 0..<count { p[i] = Double(i) } }
        XCTAssertEqual(try a.reduced(.sum).scalarValue, Double(n) * Double(n - 1) / 2)
    }

    func testReductionsAlongAxes() throws {
        let a = NDArray([1, 2, 3, 4, 5, 6], shape: [2, 3])
        XCTAssertEqual(try a.reduced(.sum, axis: 0).values, [5, 7, 9])
        XCTAssertEqual(try a.reduced(.max, axis: 1).values, [3, 6])
        XCTAssertEqual(try a.reduced(.argmax, axis: 1, keepdims: true).shape, [2, 1])
        XCTAssertEqual(try a.variance(axis: 1, ddof: 1).values, [1, 1])
        XCTAssertEqual(try a.median().scalarValue, 3.5)
        XCTAssertEqual(try NDArray([1, 2, 3, 4]).quantile(0.25).scalarValue, 1.75)
    }

    func testNaNPropagatesThroughMinAndSortsLast() throws {
        let a = NDArray([3, .nan, 1])
        XCTAssertTrue(try a.reduced(.min).scalarValue.isNaN)
        XCTAssertEqual(try a.reduced(.argmax).scalarValue, 1)
        let sorted = try Sorting.sort(a).values
        XCTAssertEqual(Array(sorted.prefix(2)), [1, 3])
        XCTAssertTrue(sorted[2].isNaN)
    }

    func testEmptyReductionHasNumpysMessage() {
        XCTAssertThrowsError(try NDArray([]).reduced(.max)) { error in
            XCTAssertEqual((error as? NumericsError)?.message, "zero-size array to reduction operation maximum which has no identity")
        }
    }

    func testFloorDivisionAndRemainderFollowPythonSigns() throws {
        let q = try Elementwise.apply(.floorDivide, NDArray([7, -7, 7.5]), NDArray([2, 2, -2]))
        XCTAssertEqual(q.values, [3, -4, -4])
        let r = try Elementwise.apply(.remainder, NDArray([7, -7, 7.5]), NDArray([2, 2, -2]))
        XCTAssertEqual(r.values, [1, 1, -0.5])
    }

    func testReshapeWithUnknownDimensionAndTranspose() throws {
        let a = NDArray((0..<6).map(Double.init))
        let m = try a.reshaped([-1, 2])
        XCTAssertEqual(m.shape, [3, 2])
        let t = try m.transposed()
        XCTAssertFalse(t.isContiguous)
        XCTAssertEqual(t.values, [0, 2, 4, 1, 3, 5])
        XCTAssertThrowsError(try a.reshaped([4, -1]))
    }

    func testConcatenateAndStack() throws {
        let a = NDArray([1, 2]), b = NDArray([3, 4])
        XCTAssertEqual(try NDArray.concatenate([a, b]).values, [1, 2, 3, 4])
        let s = try NDArray.stack([a, b], axis: 1)
        XCTAssertEqual(s.shape, [2, 2])
        XCTAssertEqual(s.values, [1, 3, 2, 4])
    }

    func testLinspaceEndsExactlyAtStop() throws {
        let (values, step) = try Creation.linspace(start: 0, stop: 1, num: 11)
        XCTAssertEqual(values.values.last, 1)
        XCTAssertEqual(step, 0.1)
        XCTAssertEqual(try Creation.arange(start: 0, stop: 1, step: 0.25, elementType: .float64).values, [0, 0.25, 0.5, 0.75])
    }

    func testMatrixProduct() throws {
        let a = NDArray([1, 2, 3, 4], shape: [2, 2]), v = NDArray([1, 1])
        XCTAssertEqual(try LinearAlgebra.dot(a, v).values, [3, 7])
        XCTAssertEqual(try LinearAlgebra.matmul(a, a).values, [7, 10, 15, 22])
        XCTAssertThrowsError(try LinearAlgebra.dot(a, NDArray([1, 2, 3])))
    }

    func testPolyfitRecoversAnExactQuadratic() throws {
        let x = NDArray((0..<10).map(Double.init))
        let y = x.map(.float64) { 2 * $0 * $0 - 3 * $0 + 0.5 }
        let p = try Polynomial.fit(x: x, y: y, degree: 2).values
        XCTAssertEqual(p[0], 2, accuracy: 1e-12)
        XCTAssertEqual(p[1], -3, accuracy: 1e-12)
        XCTAssertEqual(p[2], 0.5, accuracy: 1e-12)
    }

    func testHistogramCountsTheRightEdgeInTheLastBin() throws {
        let (counts, edges) = try Histogram.histogram(NDArray([0, 0.5, 1, 1, 2]), bins: 2)
        XCTAssertEqual(counts.values, [2, 3])
        XCTAssertEqual(edges.values, [0, 1, 2])
    }

    func testLegacyRandomMatchesNumpysFirstDraws() {
        // numpy: np.random.seed(0); np.random.random_sample() == 0.5488135039273248
        var g = LegacyRandom(seed: 0)
        XCTAssertEqual(g.nextDouble(), 0.5488135039273248)
        XCTAssertEqual(g.nextDouble(), 0.7151893663724195)
    }

    func testReprFollowsNumpy() throws {
        XCTAssertEqual(ArrayFormatter.repr(NDArray([0.1, 1.0 / 3])), "array([0.1       , 0.33333333])")
        XCTAssertEqual(ArrayFormatter.repr(NDArray([1, 2], elementType: .float64)), "array([1., 2.])")
        XCTAssertEqual(ArrayFormatter.repr(NDArray([0, 1, 2], elementType: .int64)), "array([0, 1, 2])")
        XCTAssertEqual(ArrayFormatter.repr(NDArray([1, 0], elementType: .bool)), "array([ True, False])")
        XCTAssertEqual(ArrayFormatter.repr(NDArray([1e10, 1])), "array([1.e+10, 1.e+00])")
        XCTAssertEqual(ArrayFormatter.repr(NDArray(shape: [2, 3])), "array([[0., 0., 0.],\n       [0., 0., 0.]])")
        XCTAssertEqual(ArrayFormatter.str(NDArray([1, 2.5])), "[1.  2.5]")
        XCTAssertEqual(ArrayFormatter.repr(NDArray([])), "array([], dtype=float64)")
    }
}

/// A small deterministic generator for test data (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
