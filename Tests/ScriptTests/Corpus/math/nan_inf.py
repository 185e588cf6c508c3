import math
print(math.inf, -math.inf, math.nan)
print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
print(math.isnan(float("nan")), math.isinf(float("-inf")))
print(math.inf > 1e308, math.nan == math.nan)
print(math.inf - math.inf, math.isnan(math.inf * 0))
