def gen():
    yield 1
g = gen()
print(list(g))
try:
    g.throw(ValueError("late"))
except ValueError as e:
    print("finished generator re-raises thrown exception:", e)
g2 = gen()
try:
    g2.throw(KeyError("early"))
except KeyError:
    print("unstarted generator raises at once")
print(next(g2, "and is then finished"))
