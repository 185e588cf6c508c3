def f():
    pass
print(callable(f), callable(len), callable(lambda: 0))
print(callable(1), callable("s"), callable(None), callable([]))
print(callable(int), callable(ValueError), callable(print))
print(callable("abc".upper))
