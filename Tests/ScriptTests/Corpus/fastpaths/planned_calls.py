# Calls bound through a call site's plan: *args, **kwargs, keyword-only and positional-only
# parameters, defaults (a mutable default is the same object every call), parameters
# captured by closures, and every error form, each call site used several times.
def total(*values, offset=0, **opts):
    t = offset
    for v in values:
        t += v
    return t + len(opts), sorted(opts.items())


def point(motor, position, *, settle=0.0, scale=1.0):
    return position * scale + settle + motor


def only(a, b, /, c=3, **rest):
    return a, b, c, rest


def remember(x, seen=[]):
    seen.append(x)
    return len(seen)


def captured(a, b=2, *more, key="k"):
    def inner():
        return a + b + len(more), key
    return inner()


for i in range(4):
    print(total(i, 1, 2, offset=i % 3, mode="fly", dwell=0.1))
    print(total(offset=i), total(), total(1, 2, 3), total(x=1, y=2))
    print(point(i % 4, i * 0.5, settle=0.5, scale=2.0), point(1, 2), point(1, 2, scale=3.0), point(position=4, motor=1))
    print(only(1, 2), only(1, 2, 5), only(1, 2, a=9, b=8), only(1, 2, c=7, d=6))
    print(remember(i), captured(1), captured(1, 5, 6, 7, key="z"), captured(b=4, a=1))

for bad in [lambda: point(1), lambda: point(1, 2, 3), lambda: point(1, 2, speed=1), lambda: point(1, 2, motor=3),
            lambda: only(a=1, b=2), lambda: captured(), lambda: total(1, offset=1, **{"offset": 2})]:
    for attempt in range(2):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)


def gen(a, *rest, k=1, **kw):
    yield a
    yield len(rest) + k + len(kw)


for _ in range(2):
    print(list(gen(1, 2, 3, k=2, z=0)), list(gen(a=5)))


for bad in [lambda: print(**{"sep": 1}, sep=2), lambda: total(**{"offset": 1}, offset=2), lambda: max(1, 2, **{"key": abs}, key=abs)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
