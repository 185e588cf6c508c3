import math
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(0, 0))
print(math.fabs(-3), math.fabs(2.5), math.fabs(-0.0), type(math.fabs(-3)))
print(f"{math.hypot(1, 1):.15f}")
