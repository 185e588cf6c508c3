g = (x for x in [1])
print(next(g, None))
print(next(g, None))
print(next(g, "done"))
it = iter([])
print(next(it, 0))
def empty():
    return
    yield
print(next(empty(), "empty generator"))
