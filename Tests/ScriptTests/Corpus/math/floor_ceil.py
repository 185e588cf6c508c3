import math
for v in [2.5, -2.5, 3.0, -0.5, 0.5, 7, -7, 1e15 + 0.5]:
    print(v, math.floor(v), math.ceil(v), type(math.floor(v)) is int)
print(math.floor(-0.0), math.ceil(-0.5))
