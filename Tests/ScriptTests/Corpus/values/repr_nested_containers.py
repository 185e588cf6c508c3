data = {"name": "scan", "pts": [1, 2.5, -3], "meta": {"ok": True, "none": None},
        "t": (1,), "e": (), "s": {7}, "strs": ["a'b", 'c"d', "e\\f"], "nested": [[[]]]}
print(data)
print(repr(data) == str(data))
print([{"k": (1, [2, {"x": None}])}])
print(str(["x"]), str(("x", "y")))
print([1.0, 0.1, 1e16, 1e-07, float("inf")])
