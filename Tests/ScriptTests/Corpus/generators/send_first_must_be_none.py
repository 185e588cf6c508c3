def echo():
    while True:
        got = yield
        print("got", got)
g = echo()
try:
    g.send("too early")
except TypeError:
    print("can't send non-None to a just-started generator")
g.send(None)
g.send("a")
g.send("b")
print("next sends None")
next(g)
