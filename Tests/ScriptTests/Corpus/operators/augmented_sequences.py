a = [1, 2]
alias = a
a += [3]
print(a, alias, a is alias)
a = a + [4]
print(a, alias, a is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "ab"
s += "cd"
print(s)
lst = []
lst += "xy"
lst += (1, 2)
lst += range(2)
print(lst)
d = {"n": 1}
d["n"] += 10
print(d)
m = [[1], [2]]
m[1] *= 3
print(m)
