x = 5
print(-x, +x, ~x, not x)
print(-(-x), --x, -+-x)
y = 2.5
print(-y, +y)
print(-True, +True, ~True)
print(-0, -0.0, +(-0.0))
print(- 2 ** 2, (- 2) ** 2)
