# The same 1,000 Gaussian fits with lmfit (same data: numpy's legacy seeded stream).
import time
import numpy as np
from lmfit.models import GaussianModel

np.random.seed(5)
x = np.linspace(-5, 5, 200)
curves = []
for k in range(1000):
    c = -1 + 2 * np.random.random()
    curves.append(4 * np.exp(-(x - c) ** 2 / (2 * 0.6 ** 2)) + np.random.normal(0, 0.05, 200))
model = GaussianModel()
t0 = time.perf_counter()
total = 0.0
for y in curves:
    r = model.fit(y, model.make_params(amplitude=5.0, center=0.0, sigma=1.0), x=x)
    total += r.params["center"].value
print("fits", time.perf_counter() - t0)
print("check", total)
