def try_it(fn):
    try:
        fn()
    except LookupError as e:
        print("LookupError caught:", isinstance(e, KeyError), isinstance(e, IndexError))
try_it(lambda: {}["x"])
try_it(lambda: [1][3])
try_it(lambda: "abc"[10])
try_it(lambda: (1, 2)[-5])
print(isinstance(KeyError("z"), LookupError))
print(isinstance(IndexError(), LookupError), isinstance(IndexError(), KeyError))
