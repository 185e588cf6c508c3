try:
    print(undefined_name)
except NameError:
    print("NameError")
x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError:
    print("UnboundLocalError")
try:
    f()
except NameError:
    print("UnboundLocalError is a NameError")
