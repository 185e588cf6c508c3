def g():
    yield 1
    return "result"
it = g()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, e.args)
try:
    next(it)
except StopIteration as e:
    print("again:", e.value)
def h():
    yield 1
it = h()
next(it)
try:
    next(it)
except StopIteration as e:
    print("plain return value:", e.value)
