a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
print(None is None, None == None)
x = None
print(x is None, x is not None)
print(True is True, (1 == 1) is True)
print([] == [], [] is [])
print({} == {}, () == ())
print(1 == True, 0 == False, "" == False)
