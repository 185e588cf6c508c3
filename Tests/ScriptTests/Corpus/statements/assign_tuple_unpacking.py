a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d) = [3, 4]
print(c, d)
[e, f] = "xy"
print(e, f)
g, = [5]
print(g)
h, i, j = range(3)
print(h, i, j)
k, l = {"p": 1, "q": 2}
print(k, l)
