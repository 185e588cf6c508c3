def f(a, b, c=3, *args, d, e=5, **kw):
    return [a, b, c, args, d, e, kw]
print(f(1, 2, d=4))
print(f(1, 2, 30, 40, 50, d=4, z=0))
print(f(b=2, a=1, d=0, e=0, c=9))
print(f(*[1, 2, 3, 4], **{"d": 7, "q": 8}))
