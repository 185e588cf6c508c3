def scan(detectors, *, start=0, stop=10, num=5):
    return detectors, start, stop, num
print(scan(["det"]))
print(scan(["det"], num=3, start=-1))
def f(a, *args, flag=False, **kw):
    return a, args, flag, kw
print(f(1, 2, 3, flag=True, x=9))
def g(*, key):
    return key
print(g(key="required"))
try:
    scan(["d"], 0)
except TypeError:
    print("positional not allowed")
