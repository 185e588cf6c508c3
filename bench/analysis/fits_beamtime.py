# 1,000 Gaussian fits of 200 points under `beamtime exec`; prints seconds and a checksum.
import time
import numpy as np

np.random.seed(5)
x = np.linspace(-5, 5, 200)
curves = []
for k in range(1000):
    c = -1 + 2 * np.random.random()
    curves.append(4 * np.exp(-(x - c) ** 2 / (2 * 0.6 ** 2)) + np.random.normal(0, 0.05, 200))
t0 = time.perf_counter()
total = 0.0
for y in curves:
    r = fit("gaussian", x, y, amplitude=5.0, center=0.0, sigma=1.0)
    total += r.params["center"].value
print("fits", time.perf_counter() - t0)
print("check", total)
