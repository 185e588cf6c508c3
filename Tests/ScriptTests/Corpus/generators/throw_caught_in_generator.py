def resilient():
    while True:
        try:
            yield "working"
        except ValueError as e:
            print("generator handled", e)
            yield "recovered"
g = resilient()
print(next(g))
print(g.throw(ValueError("glitch")))
print(next(g))
print(g.throw(ValueError("again")))
