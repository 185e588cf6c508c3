a = 1; b = 2; c = a + b
print(a, b, c); print("same line")
if c == 3: a = 10; b = 20
print(a, b)
x = 0;
print(x)
