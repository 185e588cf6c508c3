sq = lambda x: x * x
print(sq(7))
add = lambda a, b=1: a + b
print(add(1), add(1, 2))
va = lambda *a, **k: (a, k)
print(va(1, 2, z=3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print((lambda: None)())
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, add)(3))
