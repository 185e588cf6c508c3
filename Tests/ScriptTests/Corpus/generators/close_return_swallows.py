def gen():
    try:
        yield "a"
    except GeneratorExit:
        print("exiting quietly")
        return
g = gen()
next(g)
print(g.close())
print("done")
