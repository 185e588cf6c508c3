def documented(x):
    """Return x doubled."""
    return 2 * x
def plain():
    return 1
def multi():
    """First line.
More detail here."""
print(documented.__doc__)
print(plain.__doc__)
print(repr(multi.__doc__))
print(documented.__name__, plain.__name__)
f = lambda: 0
print(f.__name__)
g = documented
print(g.__name__)
