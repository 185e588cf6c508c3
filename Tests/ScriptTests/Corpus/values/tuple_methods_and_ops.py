t = (1, 2, 3, 2, 1)
print(t.count(2), t.index(3), t.index(1, 1))
print(t + (4,), t * 2, (0,) * 3)
print(len(t), t[1:3], t[::-1], max(t), sum(t))
print((1,), (), tuple(), (1, 2) == (1, 2), (1, 2) < (1, 3))
single = 5,
print(single, type(single))
try:
    t[0] = 9
except TypeError:
    print("tuples are immutable")
nested = ([1, 2], 3)
nested[0].append(9)
print(nested)
