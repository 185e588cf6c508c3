def child():
    yield "c"
    return "child-value"
def delegate():
    return (yield from child())
g = delegate()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value)
