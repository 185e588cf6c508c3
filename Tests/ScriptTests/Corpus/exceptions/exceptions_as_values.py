errs = [ValueError("a"), KeyError("b"), TypeError("c", "d")]
for e in errs:
    print(repr(e), e.args, len(e.args))
print(isinstance(errs[0], ValueError), isinstance(errs[1], Exception))
print(ValueError("x") == ValueError("x"))
print(str(TypeError("c", "d")))
print(repr(ValueError(3.5)), str(ValueError(None)))
