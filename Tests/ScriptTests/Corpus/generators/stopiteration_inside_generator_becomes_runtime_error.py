def gen():
    yield 1
    raise StopIteration("inside")
g = gen()
print(next(g))
try:
    next(g)
except RuntimeError:
    print("StopIteration raised inside a generator became RuntimeError")
except StopIteration:
    print("wrong: plain StopIteration")
