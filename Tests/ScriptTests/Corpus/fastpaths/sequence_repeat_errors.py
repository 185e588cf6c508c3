# TypeError messages of * and *= between a sequence and a non-int, as CPython words them.
for a, b in [("s", 0.5), ([1], "a"), ("a", [1]), (None, "s"), ((1,), None), ("s", "t"), (2.5, [1])]:
    try:
        a * b
    except TypeError as e:
        print(e)
    try:
        x = a
        x *= b
    except TypeError as e:
        print(e)
