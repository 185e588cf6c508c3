xs = [0.1, 0.2, 0.3]
ys = [10, 20, 30]
for i, (x, y) in enumerate(zip(xs, ys)):
    print(i, x, y, round(x * y, 6))
print(list(zip(range(3), reversed(range(3)))))
print([a * b for a, b in zip([1, 2], [3, 4])])
