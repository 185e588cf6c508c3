x = "global"
def gen():
    x = "local"
    yield x
    x = "changed"
    yield x
g = gen()
print(next(g), x)
print(next(g), x)
