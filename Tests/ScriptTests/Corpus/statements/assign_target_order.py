lst = [0, 0, 0]
i = 0
i, lst[i] = 2, 9
print(i, lst)
a = [1, 2, 3]
j = 0
a[j], j = 7, 1
print(a, j)
old = x = [0, 1]
x[0] = x = [5, 6]
print(old, x)
