a, b, c = 1, 2, 3
a, b, c = b, c, a
print(a, b, c)
lst = [1, 2, 3, 4]
lst[0], lst[-1] = lst[-1], lst[0]
print(lst)
x = [5, 6]
x[0], x[1] = x[1], x[0]
print(x)
