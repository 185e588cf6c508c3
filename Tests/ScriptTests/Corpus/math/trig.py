import math
print(math.sin(0), math.cos(0), math.tan(0))
for deg in [30, 45, 60, 90, 180]:
    r = deg * math.pi / 180
    print(deg, f"{math.sin(r):.12f} {math.cos(r):.12f}")
print(f"{math.tan(math.pi / 4):.12f}")
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.atan2(1, 0) == math.pi / 2)
