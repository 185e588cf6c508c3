def counter(tag):
    i = 0
    while True:
        i += 1
        yield f"{tag}{i}"
a = counter("a")
b = counter("b")
print(next(a), next(a), next(b), next(a), next(b))
print(list(zip(counter("x"), "pq")))
