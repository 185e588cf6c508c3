def inner():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x
def outer():
    result = yield from inner()
    yield "inner finished with " + str(result)
g = outer()
print(next(g))
print(g.send(3))
print(g.send(4))
print(g.send(None))
print(next(g, "exhausted"))
