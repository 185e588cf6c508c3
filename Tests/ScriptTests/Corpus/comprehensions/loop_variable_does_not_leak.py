x = "outer"
squares = [x * 2 for x in range(3)]
print(squares, x)
y = 10
s = {y for y in "ab"}
d = {y: 1 for y in range(2)}
print(y)
try:
    print(z)
except NameError:
    print("z never defined")
r = [z for z in range(3)]
try:
    print(z)
except NameError:
    print("z still not defined after comprehension")
