print(any([]), all([]))
print(any([0, 0, 1]), all([1, 1, 0]))
print(any(["", None, 0.0]), all(["a", 1, [0]]))
print(any(x > 2 for x in range(4)), all(x < 4 for x in range(4)))
print(any("abc"), all(""))
calls = []
def check(v):
    calls.append(v)
    return v
print(any(check(v) for v in [0, 1, 2]), calls)
