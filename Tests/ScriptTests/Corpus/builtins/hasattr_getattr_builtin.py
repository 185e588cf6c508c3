print(hasattr("abc", "upper"), hasattr("abc", "nope"))
print(hasattr([], "append"), hasattr({}, "keys"), hasattr(1, "bit_length"))
up = getattr("abc", "upper")
print(up())
print(getattr("abc", "missing", "default"))
print(getattr([], "nope", None))
def f():
    """doc"""
print(getattr(f, "__name__"), getattr(f, "__doc__"))
try:
    getattr(5, "missing")
except AttributeError:
    print("AttributeError without default")
