d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
lst = [0, 1, 2, 3, 4, 5, 6, 7]
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
m = [[1, 2], [3, 4]]
del m[0][1]
print(m)
del lst[:]
print(lst)
