print(type(1), type(1.0), type("s"), type(True), type(None))
print(type([]), type(()), type({}), type(set()), type(range(1)))
print(type(1) is int, type(True) is int, type(True) is bool)
print(type(1) == type(2), type(1) == type(1.0))
def f():
    yield 1
print(type(ValueError("x")), type(f()) is type(f()))
print(type(3 / 1) is float, type(3 // 1) is int)
