def total(*args):
    print(type(args), len(args))
    return sum(args)
print(total())
print(total(1, 2, 3))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1))
print(head_tail(1, 2, 3))
def fmt(sep, *parts):
    return sep.join(str(p) for p in parts)
print(fmt("-", 1, "a", 2.5))
