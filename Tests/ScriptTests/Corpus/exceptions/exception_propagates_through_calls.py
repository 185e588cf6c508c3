def a():
    print("a start")
    b()
    print("a end (skipped)")
def b():
    print("b start")
    c()
def c():
    raise RuntimeError("deep")
try:
    a()
except RuntimeError as e:
    print("caught", e)
print("after")
