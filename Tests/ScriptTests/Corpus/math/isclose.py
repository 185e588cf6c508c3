import math
print(math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(1.0, 1.0000001), math.isclose(1.0, 1.000000001))
print(math.isclose(1.0, 1.01, rel_tol=0.05))
print(math.isclose(0.0, 1e-12), math.isclose(0.0, 1e-12, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
