def build(**kw):
    return list(kw)
print(build(z=1, a=2, m=3))
def with_defaults(a, b=None, *, c=None):
    return [x for x in (a, b, c) if x is not None]
print(with_defaults(1), with_defaults(1, 2), with_defaults(1, c=3))
