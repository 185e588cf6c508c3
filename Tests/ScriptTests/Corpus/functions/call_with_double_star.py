def f(a, b=0, c=0):
    return (a, b, c)
opts = {"b": 2, "c": 3}
print(f(1, **opts))
print(f(**{"a": 9}))
print(f(1, **{"c": 5}))
print(f(*[1], **{"b": 7}))
def g(**kw):
    return sorted(kw.items())
print(g(**opts, d=4))
print(g(**{"x": 1}, **{"y": 2}))
