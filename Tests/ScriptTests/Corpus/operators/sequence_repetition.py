print("ab" * 3, 3 * "ab")
print(repr("ab" * 0), repr("ab" * -2))
print([0] * 4, 2 * [1, 2])
print((1,) * 3, () * 5)
print([1] * 0)
print("x" * True, "x" * False)
n = 3
print("-" * n * 2)
print(["a", "b"] * 2 + ["c"])
