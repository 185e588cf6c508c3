for v in [0, 1, -1, 0.0, 0.5, "", "0", [], [0], (), {}, {"": 0}, None, range(0), range(1)]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
