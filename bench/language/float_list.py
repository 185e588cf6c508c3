# Build lists of 1,000,000 floats two ways and sum them:
# a list comprehension, and append in a for loop; then the builtin sum and a manual loop.
# All values are multiples of 0.25 below 2**40, so every sum is exact and order-independent.


def build_comprehension(n):
    return [i * 0.5 for i in range(n)]


def build_append(n):
    xs = []
    for i in range(n):
        xs.append(i * 0.25)
    return xs


def manual_sum(xs):
    t = 0.0
    for x in xs:
        t += x
    return t


N = 1_000_000
a = build_comprehension(N)
b = build_append(N)
print(sum(a) + sum(b) + manual_sum(a), len(a) + len(b))
