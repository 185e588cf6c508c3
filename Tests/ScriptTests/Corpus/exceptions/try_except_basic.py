try:
    x = 1 / 0
    print("not reached")
except ZeroDivisionError:
    print("caught division by zero")
try:
    [][1]
except IndexError:
    print("caught index")
try:
    {}["k"]
except KeyError:
    print("caught key")
try:
    int("abc")
except ValueError:
    print("caught value")
print("continuing")
