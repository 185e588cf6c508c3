# Array arithmetic and reduction on 10,000,000 elements. The same file runs under CPython
# with numpy and under `beamtime exec` (whose `np` is Beamtime's Numerics); it prints one
# line per operation: name and the best wall time in seconds over REPEAT runs.
import time
import numpy as np

N = 10_000_000
REPEAT = 7
np.random.seed(1)
a = np.random.random(N)
b = np.random.random(N)
c = np.random.random(N)


def best(f):
    times = []
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


checks = [float(np.sum(a * b + c)), float(np.sum(a))]
print("a*b+c", best(lambda: a * b + c))
print("np.sum", best(lambda: np.sum(a)))
print("np.mean(axis=0) 1000x10000", best(lambda: np.mean(a.reshape(1000, 10000), axis=0)))
print("a[a > 0.5]", best(lambda: a[a > 0.5]))
print("np.sort 1e6", best(lambda: np.sort(a[:1_000_000])))
print("check", repr(checks[0]), repr(checks[1]))
