def readings():
    for v in [1.0, 2.0, 6.0, 3.0, 8.0, 5.0, 4.0]:
        yield v
def moving_average(source, n):
    window = []
    for v in source:
        window.append(v)
        if len(window) > n:
            window.pop(0)
        if len(window) == n:
            yield sum(window) / n
def thresholds(source, limit):
    for i, v in enumerate(source):
        yield (i, v, "HIGH" if v > limit else "ok")
for row in thresholds(moving_average(readings(), 3), 4.5):
    print(row)
