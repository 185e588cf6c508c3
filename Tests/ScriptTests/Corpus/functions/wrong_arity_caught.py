def f(a, b):
    return a + b
for args in [(1,), (1, 2), (1, 2, 3)]:
    try:
        print(f(*args))
    except TypeError:
        print("bad call with", len(args), "args")
try:
    f(1, c=2)
except TypeError:
    print("unexpected keyword")
try:
    f(1, 2, a=1)
except TypeError:
    print("multiple values")
try:
    f(1, a=1)
except TypeError:
    print("multiple values for a")
