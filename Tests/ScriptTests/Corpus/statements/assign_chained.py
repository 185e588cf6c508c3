a = b = c = 0
print(a, b, c)
a = 1
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
i = j = k = "s"
print(i + j + k)
