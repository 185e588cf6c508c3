for c in "hi":
    print(c)
for x in (1, 2):
    print(x)
for k in {"a": 1, "b": 2}:
    print(k)
for v in sorted({3, 1, 2}):
    print(v)
for i in range(10, 0, -4):
    print(i)
for t in zip("ab", [1, 2]):
    print(t)
for item in reversed([1, 2, 3]):
    print(item)
