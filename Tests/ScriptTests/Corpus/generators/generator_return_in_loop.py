def until_negative(xs):
    for x in xs:
        if x < 0:
            return "stopped at " + str(x)
        yield x
g = until_negative([1, 2, -3, 4])
vals = []
while True:
    try:
        vals.append(next(g))
    except StopIteration as e:
        print(vals, e.value)
        break
