# Parameters
flags = [True, False, None, 1, 0.0, "", "x"]
maybe = None
on = True

print(repr(flags))
print([bool(f) for f in flags])
print(maybe is None, on is True, repr(on))
