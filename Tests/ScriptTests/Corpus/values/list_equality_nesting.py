a = [1, [2, 3], {"k": (4, 5)}]
b = [1, [2, 3], {"k": (4, 5)}]
print(a == b, a is b)
b[1].append(4)
print(a == b, a, b)
c = a.copy()
c[1].append(99)
print(a[1], "(shallow copy shares inner list)")
print([1, 2] == [1, 2.0], [[]] == [[]], [] != [None])
