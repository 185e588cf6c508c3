def f(*args):
    return args
print(f(*(x * x for x in range(4))))
print(f(*{"a": 1, "b": 2}))
print(f(*"hi", *[1], *()))
print(f(*range(2), 9, *range(3, 5)))
print(f(*zip("ab", "cd")))
