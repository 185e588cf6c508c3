try:
    g = (x for x in undefined_iterable)
    print("not reached")
except NameError:
    print("first iterable is evaluated immediately")
g = (y for y in range(3) if y < undefined_limit)
print("conditions are evaluated lazily")
try:
    next(g)
except NameError:
    print("NameError on first next()")
data = [1, 2]
g = (v * 2 for v in data)
data = [10, 20]
print(list(g))
