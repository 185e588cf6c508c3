d = {"a": 1}
d["a"] += 1
d["a"] *= 10
print(d)
l = [1, 2, 3]
l[0] -= 5
l[-1] **= 2
print(l)
m = [[1, 2], [3, 4]]
m[1][1] //= 3
print(m)
s = {"k": "x"}
s["k"] += "y"
print(s)
