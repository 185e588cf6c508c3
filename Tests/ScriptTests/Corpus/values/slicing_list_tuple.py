l = [0, 1, 2, 3, 4, 5]
t = tuple(l)
print(l[1:4], t[1:4])
print(l[::-1], t[::-1])
print(l[-2:], t[:-4])
print(l[::3], t[1::3])
print(l[10:], t[4:1])
c = l[:]
c[0] = 99
print(l[0], c[0])
print(l[1:5:2], l[5:1:-2], l[-1::-5])
