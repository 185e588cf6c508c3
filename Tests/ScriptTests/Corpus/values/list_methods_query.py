lst = [3, 1, 4, 1, 5, 9, 2, 6, 5]
print(lst.index(1), lst.index(1, 2), lst.index(5, 5))
print(lst.count(1), lst.count(5), lst.count(7))
try:
    lst.index(7)
except ValueError:
    print("7 not in list")
c = lst.copy()
c.append(0)
print(len(lst), len(c))
lst.clear()
print(lst, c[:3])
