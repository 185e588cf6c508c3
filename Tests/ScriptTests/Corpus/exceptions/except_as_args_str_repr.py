try:
    raise ValueError("bad value", 42)
except ValueError as e:
    print(e.args)
    print(str(e))
    print(repr(e))
try:
    raise ValueError("single")
except ValueError as e:
    print(e.args, str(e), repr(e))
try:
    raise ValueError()
except ValueError as e:
    print(e.args, repr(str(e)), repr(e))
try:
    raise RuntimeError
except RuntimeError as e:
    print(e.args, repr(e))
