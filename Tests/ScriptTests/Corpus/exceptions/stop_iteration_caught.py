it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("exhausted")
try:
    raise StopIteration(5)
except StopIteration as e:
    print(e.value, e.args)
e = StopIteration()
print(e.value)
