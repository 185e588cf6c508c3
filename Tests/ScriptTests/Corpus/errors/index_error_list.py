points = [0.1, 0.2, 0.3]
print(points[-1])
print(points[3])
