from math import sin, cos, pi, sqrt, floor, ceil, inf
print(floor(pi), ceil(pi), sqrt(9.0))
print(f"{sin(pi / 6):.6f} {cos(pi / 3):.6f}")
print(inf > 10 ** 18)
