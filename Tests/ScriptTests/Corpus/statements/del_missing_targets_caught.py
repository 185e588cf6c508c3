d = {"a": 1}
try:
    del d["zz"]
except KeyError:
    print("no key zz")
lst = [1, 2]
try:
    del lst[5]
except IndexError:
    print("no index 5")
del lst[5:10]
print(lst)
try:
    del never_defined
except NameError:
    print("no name")
