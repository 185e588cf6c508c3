lst = [1, 2]
lst.append(3)
lst.extend([4, 5])
lst.extend("ab")
print(lst)
lst.insert(0, "start")
lst.insert(-1, "before-last")
lst.insert(100, "end")
print(lst)
print(lst.pop(), lst.pop(0), lst.pop(-2))
print(lst)
lst.remove("a")
print(lst)
try:
    lst.remove("zzz")
except ValueError:
    print("remove of missing item")
try:
    [].pop()
except IndexError:
    print("pop from empty")
