print(list(enumerate("abc")))
print(list(enumerate(["x", "y"], start=1)))
print(list(enumerate([], 5)))
for i, (a, b) in enumerate([(1, 2), (3, 4)], 10):
    print(i, a, b)
e = enumerate("pq")
print(next(e), next(e), next(e, None))
