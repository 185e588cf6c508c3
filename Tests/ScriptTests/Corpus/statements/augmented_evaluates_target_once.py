calls = []
def idx(i):
    calls.append(i)
    return i
lst = [10, 20, 30]
lst[idx(1)] += 5
print(lst, calls)
d = {"x": [1]}
d[idx("x")] += [2]
print(d, calls)
