def gen():
    yield 1
    yield 2
g = gen()
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated to caller", repr(e))
print(next(g, "generator is finished"))
