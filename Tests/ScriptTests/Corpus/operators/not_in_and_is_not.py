x = [1, 2, 3]
print(4 not in x, not 4 in x)
print(x is not None, not x is None)
print(1 not in x or 2 in x)
print(not 1 in x and 2 in x)
y = None
print(y is not None and y > 0)
print(y is None or y > 0)
