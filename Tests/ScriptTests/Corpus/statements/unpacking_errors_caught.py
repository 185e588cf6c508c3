try:
    a, b = [1, 2, 3]
except ValueError:
    print("too many values")
try:
    a, b, c = "xy"
except ValueError:
    print("not enough values")
try:
    a, b = 5
except TypeError:
    print("int is not iterable")
try:
    x, *y, z = [1]
except ValueError:
    print("starred needs two")
print("ok")
