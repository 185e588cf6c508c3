cases = [lambda: int("1.5"), lambda: int(""), lambda: float("abc"), lambda: [1, 2].index(9),
         lambda: "abc".index("z"), lambda: [].remove(1), lambda: max([]), lambda: int("12", 2),
         lambda: chr(-1), lambda: "a b".split(""), lambda: range(1, 5, 0)]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except ValueError:
        print(i, "ValueError")
