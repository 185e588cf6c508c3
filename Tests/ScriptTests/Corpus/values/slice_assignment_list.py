a = list(range(6))
a[1:3] = [10]
print(a)
a[:] = []
print(a)
b = [1, 2, 3, 4, 5]
b[-2:] = ["x", "y", "z"]
print(b)
b[1:1] = [0, 0]
print(b)
b[::2] = b[::2][::-1]
print(b)
c = [1, 2, 3, 4]
try:
    c[::2] = [1, 2, 3]
except ValueError:
    print("extended slice size mismatch")
c[1:3] = range(3)
print(c)
