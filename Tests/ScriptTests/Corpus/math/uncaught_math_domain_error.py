import math
vals = [4.0, 1.0, -1.0]
for v in vals:
    print(v, math.sqrt(v))
