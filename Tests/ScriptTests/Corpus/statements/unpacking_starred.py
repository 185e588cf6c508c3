first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = [1, 2, 3, 4]
print(init, last)
a, *mid, b = range(6)
print(a, mid, b)
x, *y = "q"
print(x, y)
*z, = (1, 2)
print(z)
h, *t = "hello"
print(h, t)
p, *q, r = 1, 2
print(p, q, r)
