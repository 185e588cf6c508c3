x = None
print(x, repr(x), str(x), x is None, x == None, bool(x))
def f():
    pass
print(f() is None, [None] * 2, {None: None})
print(None in [1, None], [1, None].index(None))
try:
    None + 1
except TypeError:
    print("None does not support +")
