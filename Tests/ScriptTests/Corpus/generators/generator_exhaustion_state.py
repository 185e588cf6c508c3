def gen():
    yield "a"
    yield "b"
g = gen()
print(list(g))
print(list(g))
print(next(g, "nothing"))
for x in g:
    print("never")
h = (i for i in range(3))
print(sum(h), sum(h))
