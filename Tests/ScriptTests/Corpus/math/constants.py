import math
print(math.pi, math.e)
print(round(math.pi, 4), f"{math.e:.3f}")
print(2 * math.pi, math.pi / 2)
print(type(math.pi), type(math.inf))
