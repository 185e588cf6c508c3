def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit received")
        raise
    finally:
        print("finally on close")
g = gen()
print(next(g))
g.close()
print(next(g, "closed generators are exhausted"))
g.close()
g2 = gen()
g2.close()
print("closing an unstarted generator runs nothing")
