lst = [0, 0, 0]
lst[0] = 1
lst[-1] = 3
print(lst)
d = {}
d["a"] = 1
d["b"] = d["a"] + 1
d[(1, 2)] = "tuple key"
print(d)
m = [[0, 0], [0, 0]]
m[1][0] = 5
print(m)
lst[0], lst[2] = lst[2], lst[0]
print(lst)
