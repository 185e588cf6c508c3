# Nested function calls with keyword arguments, defaults, *args and **kwargs,
# as in plan/API code (scan(dets, motor, start=-1, stop=1, num=11)).


def clamp(x, lo=0.0, hi=1.0):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def point(motor, position, *, settle=0.0, scale=1.0):
    return clamp(position * scale + settle, lo=-10.0, hi=10.0) + motor


def total(*values, offset=0, **opts):
    t = offset
    for v in values:
        t += v
    return t + len(opts)


def scan(n):
    acc = 0.0
    for i in range(n):
        p = point(i % 4, i * 0.001, settle=0.5, scale=2.0)
        acc += total(p, 1, 2, offset=i % 3, mode="fly", dwell=0.1)
    return acc


print(scan(300_000))
