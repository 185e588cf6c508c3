def bubble(xs):
    xs = xs[:]
    for i in range(len(xs)):
        for j in range(len(xs) - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
    return xs
def insertion(xs):
    out = []
    for x in xs:
        i = len(out)
        while i > 0 and out[i - 1] > x:
            i -= 1
        out.insert(i, x)
    return out
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    a, b = merge_sort(xs[:mid]), merge_sort(xs[mid:])
    out = []
    while a and b:
        out.append(a.pop(0) if a[0] <= b[0] else b.pop(0))
    return out + a + b
def quick(xs):
    if len(xs) < 2:
        return xs
    p, rest = xs[0], xs[1:]
    return quick([x for x in rest if x < p]) + [p] + quick([x for x in rest if x >= p])
data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0]
for fn in (bubble, insertion, merge_sort, quick):
    print(fn.__name__, fn(data), fn(data) == sorted(data))
