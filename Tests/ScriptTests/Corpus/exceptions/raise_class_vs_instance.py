try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise IndexError("with message")
except IndexError as e:
    print(repr(e), e.args)
err = RuntimeError("stored", 1)
try:
    raise err
except RuntimeError as e:
    print(e is err, e.args)
