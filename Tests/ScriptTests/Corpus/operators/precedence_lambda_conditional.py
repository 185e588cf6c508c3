f = lambda x: x + 1 if x > 0 else x - 1
print(f(5), f(-5))
g = lambda: 1 or 2
print(g())
h = (lambda x: x * 2) if True else None
print(h(4))
k = lambda a, b=2: a ** b
print(k(3), k(2, 10))
print((lambda: "now")())
