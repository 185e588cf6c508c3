x = 1.0
print(x.is_integer())
print((2.5).is_integer())
print(3.0 .is_integer())
print((1e16).is_integer())
