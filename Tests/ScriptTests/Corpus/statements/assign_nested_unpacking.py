a, (b, c) = 1, (2, 3)
print(a, b, c)
(x, y), z = [10, 20], 30
print(x, y, z)
[p, [q, [r, s]]] = [1, [2, [3, 4]]]
print(p, q, r, s)
for i, (name, val) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, val)
((m,),) = ((7,),)
print(m)
