a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["x", "y", "z"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [99]
print(a)
a[2:5] = []
print(a)
b = list(range(8))
b[::2] = ["e"] * 4
print(b)
b[::-3] = [1, 2, 3]
print(b)
c = [1, 2, 3]
c[:] = "ab"
print(c)
