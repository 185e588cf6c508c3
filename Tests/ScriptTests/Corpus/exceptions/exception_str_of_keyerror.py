e = KeyError("missing")
print(str(e))
print(repr(e))
print(e.args)
e2 = KeyError(3)
print(str(e2), repr(e2))
e3 = ValueError("missing")
print(str(e3))
try:
    raise KeyError("name")
except LookupError as err:
    print(repr(err), err.args[0])
