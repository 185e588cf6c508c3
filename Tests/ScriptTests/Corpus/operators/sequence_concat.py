print("ab" + "cd")
print([1, 2] + [3])
print((1,) + (2, 3))
a = [1]
b = a + [2]
print(a, b)
print("" + "", [] + [], () + ())
s = "x"
for c in "yz":
    s = s + c
print(s)
