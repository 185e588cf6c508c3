def scale_all(xs, factor):
    return [x * factor for x in xs]
print(scale_all([1, 2, 3], 10))
offset = 100
print([x + offset for x in range(3)])
def nested(n):
    base = n
    return [[base + i + j for j in range(2)] for i in range(2)]
print(nested(5))
def filt(xs, limit):
    return {x for x in xs if x < limit}
print(sorted(filt([5, 1, 9, 3], 6)))
