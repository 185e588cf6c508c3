# Multi-tau g2 over 1,000 frames of 128×128 with 10 ring ROIs (num_levels=7, num_bufs=8).
# The same file runs under CPython (scikit-beam's multi_tau_auto_corr) and under
# `beamtime exec` (its g2); both draw the same frames from numpy's legacy seeded stream.
import time
import numpy as np

try:
    from skbeam.core.correlation import multi_tau_auto_corr

    def correlate(frames, labels):
        return multi_tau_auto_corr(7, 8, labels, frames)
except ImportError:
    def correlate(frames, labels):
        return g2(frames, labels, num_levels=7, num_bufs=8)

np.random.seed(8)
frames = np.random.poisson(20, size=(1000, 128, 128)) * 1.0
xx, yy = np.meshgrid(np.arange(128), np.arange(128))
r = np.hypot(xx - 64, yy - 64)
labels = np.zeros((128, 128), dtype=int)
for k in range(10):
    labels[(r >= 10 + 5 * k) & (r < 14 + 5 * k)] = k + 1
t0 = time.perf_counter()
result, lags = correlate(frames, labels)
print("g2", time.perf_counter() - t0)
print("check", repr(float(np.sum(result))))
