s = set()
s.add(3)
s.add(1)
s.add(3)
print(sorted(s), len(s))
s.discard(3)
s.discard(42)
print(sorted(s))
s.remove(1)
print(s)
try:
    s.remove(1)
except KeyError:
    print("remove of missing element")
t = {1, 2, 3}
t |= {4}
t -= {1}
t &= {2, 3, 4, 5}
print(sorted(t))
t.update([7, 8])
print(sorted(t), 7 in t)
t.clear()
print(t, len(t))
