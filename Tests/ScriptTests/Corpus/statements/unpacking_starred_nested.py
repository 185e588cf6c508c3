(a, *b), c = [1, 2, 3], 4
print(a, b, c)
for head, *tail in [(1, 2, 3), (4,), "xy"]:
    print(head, tail)
x, (y, *z) = 0, "abc"
print(x, y, z)
