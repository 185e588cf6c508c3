errors = [ValueError("v"), TypeError("t"), KeyError("k"), ZeroDivisionError("z"),
          NameError("n"), AttributeError("a"), RuntimeError("r"), NotImplementedError("ni"),
          StopIteration(), AssertionError("as"), UnboundLocalError("u"), ModuleNotFoundError("m")]
for err in errors:
    try:
        raise err
    except Exception as e:
        print(repr(e), isinstance(e, Exception), isinstance(e, BaseException))
print(isinstance(UnboundLocalError(), NameError), isinstance(NotImplementedError(), RuntimeError))
print(isinstance(KeyboardInterrupt(), Exception), isinstance(KeyboardInterrupt(), BaseException))
