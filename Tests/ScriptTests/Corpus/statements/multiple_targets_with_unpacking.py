a = b, c = 1, 2
print(a, b, c)
x, y = p = [3, 4]
print(x, y, p)
