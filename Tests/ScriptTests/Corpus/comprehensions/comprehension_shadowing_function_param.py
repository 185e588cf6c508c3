def f(x):
    ys = [x for x in range(3)]
    return x, ys
print(f("param"))
def g(items):
    return [[item for item in items] for items in ([1], [2, 3])], items
print(g("original"))
