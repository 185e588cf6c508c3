r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], list(r[::2]), r[1:4])
print(6 in r, 7 in r, r.index(9))
print(list(range(5))[::-1] == list(reversed(range(5))))
print(range(0) == range(5, 5), range(1, 3) == range(1, 3))
e = range(3)
print(sum(e), sum(e), list(e), list(e))
try:
    r[100]
except IndexError:
    print("range index out of range")
