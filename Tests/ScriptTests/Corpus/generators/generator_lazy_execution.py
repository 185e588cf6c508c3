def noisy():
    print("started")
    yield 1
    print("between")
    yield 2
    print("finishing")
g = noisy()
print("created")
print(next(g))
print(next(g))
print(next(g, "default"))
print("end")
