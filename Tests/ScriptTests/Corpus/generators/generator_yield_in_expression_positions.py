def g():
    x = (yield 1) + 10
    print("x", x)
    y = [(yield 2), (yield 3)]
    print("y", y)
it = g()
print(next(it))
print(it.send(5))
print(it.send("p"))
try:
    it.send("q")
except StopIteration:
    print("finished")
