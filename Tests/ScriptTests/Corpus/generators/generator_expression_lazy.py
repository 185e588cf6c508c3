log = []
def f(x):
    log.append(x)
    return x * 10
g = (f(x) for x in range(5))
print(log)
print(next(g), log)
print(any(v > 15 for v in g), log)
print(list(g), log)
