pt = (1, 2, 3)
print(pt)
x, y = pt
print(x, y)
