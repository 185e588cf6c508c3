def bsearch(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
xs = list(range(0, 1000, 7))
for t in [0, 7, 693, 994, 500]:
    print(t, bsearch(xs, t))
def bisect_root(f, a, b, tol=1e-10):
    while b - a > tol:
        m = (a + b) / 2
        if f(a) * f(m) <= 0:
            b = m
        else:
            a = m
    return (a + b) / 2
print(f"{bisect_root(lambda x: x * x - 2, 0, 2):.8f}")
