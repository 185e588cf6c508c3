def f():
    try:
        print("body")
        return "from try"
    finally:
        print("cleanup")
print(f())
try:
    try:
        raise ValueError("inner")
    finally:
        print("finally runs before propagation")
except ValueError as e:
    print("outer caught", e)
