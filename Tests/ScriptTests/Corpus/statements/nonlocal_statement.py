def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    inner()
    inner()
    return x
print(outer())
def make():
    a = []
    b = 0
    def add(v):
        nonlocal b
        a.append(v)
        b += v
        return a, b
    return add
f = make()
f(1)
print(f(2))
