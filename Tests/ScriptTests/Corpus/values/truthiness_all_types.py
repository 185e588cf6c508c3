values = [None, True, False, 0, 1, -1, 0.0, -0.0, 1e-300, float("nan"),
          "", " ", "0", "False", [], [[]], (), ((),), {}, {0: 0}, set(), {0},
          range(0), range(3)]
for v in values:
    print(repr(v), bool(v), "yes" if v else "no", not v)
