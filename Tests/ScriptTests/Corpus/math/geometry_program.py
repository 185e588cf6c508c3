import math
points = [(0, 0), (3, 4), (6, 0)]
def dist(p, q):
    return math.hypot(q[0] - p[0], q[1] - p[1])
perimeter = sum(dist(points[i], points[(i + 1) % 3]) for i in range(3))
print(perimeter)
a, b, c = (dist(points[i], points[(i + 1) % 3]) for i in range(3))
s = perimeter / 2
print(math.sqrt(s * (s - a) * (s - b) * (s - c)))
angle = math.atan2(4, 3) * 180 / math.pi
print(f"{angle:.6f}")
