def inc(x):
    return x + 1
def dec(x):
    return x - 1
ops = {"inc": inc, "dec": dec, "sq": lambda x: x * x}
for name in ["inc", "dec", "sq"]:
    print(name, ops[name](5))
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([inc, dec, abs], -3))
print(callable(inc), callable(ops))
print(inc is inc, inc == dec)
