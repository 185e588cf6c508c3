def inner():
    try:
        yield "inner 1"
        yield "inner 2"
    except KeyError:
        print("inner caught KeyError")
        yield "inner recovered"
    return "inner done"
def outer():
    r = yield from inner()
    yield "outer got " + r
g = outer()
print(next(g))
print(g.throw(KeyError("x")))
print(next(g))
print(next(g, "end"))
