def parse(s):
    try:
        return int(s)
    except ValueError:
        print("logging failure for", repr(s))
        raise
try:
    parse("12")
    parse("x")
except ValueError:
    print("re-raised and caught outside")
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise
except LookupError as e:
    print("outer got", repr(e))
