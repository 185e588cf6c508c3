def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup in finally")
g = gen()
print(next(g))
try:
    g.throw(RuntimeError("abort"))
except RuntimeError as e:
    print("caller got", e)
