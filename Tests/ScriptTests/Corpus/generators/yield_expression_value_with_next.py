def gen():
    a = yield 1
    print("a =", a)
    b = yield 2
    print("b =", b)
g = gen()
print(next(g))
print(next(g))
print(next(g, "stopped"))
g2 = gen()
next(g2)
print(g2.send("x"))
print(next(g2, "stopped"))
