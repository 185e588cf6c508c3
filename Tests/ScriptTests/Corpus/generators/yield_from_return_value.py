def child(n):
    for i in range(n):
        yield i
    return n * 100
def parent():
    r = yield from child(2)
    print("child returned", r)
    r2 = yield from child(0)
    print("empty child returned", r2)
    return r + r2
g = parent()
for v in g:
    print("yielded", v)
def wrapper():
    return (yield from parent())
w = wrapper()
print(list(w))
