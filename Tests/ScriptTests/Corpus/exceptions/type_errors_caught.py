idx = 1.0
nothing = None
cases = [lambda: "a" + 1, lambda: 1 + "a", lambda: [1] + (2,), lambda: len(5),
         lambda: "abc"[idx], lambda: nothing(), lambda: 3 < "x", lambda: -"s",
         lambda: {}[[]], lambda: int(None), lambda: sum(["a"])]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError:
        print(i, "TypeError")
