x = 5
y = 6
print(x + y)
del x
try:
    print(x)
except NameError:
    print("x is gone")
a, b = 1, 2
del a, b
x = 10
print(x)
