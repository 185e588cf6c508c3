# Azimuthal integration of a 2048×2048 image into 1,000 bins, cold (geometry and tables
# built) and warm (the same geometry again). The same file runs under CPython with pyFAI's
# integrate1d (default method) and under `beamtime exec` with azimuthal_integrate.
import time
import numpy as np

N = 2048
PIX, DIST, WL = 75e-6, 0.2, 1.0e-10
CY, CX = 1000.3, 1030.7
try:
    from pyFAI.integrator.azimuthal import AzimuthalIntegrator

    def make():
        ai = AzimuthalIntegrator(dist=DIST, poni1=(CY + 0.5) * PIX, poni2=(CX + 0.5) * PIX,
                                 pixel1=PIX, pixel2=PIX, wavelength=WL)
        return lambda img: ai.integrate1d(img, 1000, unit="q_A^-1").intensity
except ImportError:
    def make():
        return lambda img: azimuthal_integrate(img, (CY, CX), PIX, DIST, WL, 1000, unit="q_A^-1")[1]

xx, yy = np.meshgrid(np.arange(N) - CX, np.arange(N) - CY)
r = np.hypot(xx, yy) * PIX
q = 4 * np.pi / (WL * 1e10) * np.sin(np.arctan2(r, DIST) / 2)
img = 100 + 1000 * np.exp(-((q - 1.0) / 0.02) ** 2)
t0 = time.perf_counter()
integrate = make()
first = integrate(img)
cold = time.perf_counter() - t0
warm = []
for _ in range(5):
    t0 = time.perf_counter()
    integrate(img)
    warm.append(time.perf_counter() - t0)
print("cold", cold)
print("warm", min(warm))
print("check", repr(float(np.sum(first))))
