d = {"name": "LaB6", "e": 12.4, "n": 3}
print("%(name)s at %(e).1f keV x%(n)d" % d)
print("%(name)r" % d)
print("%(n)05d" % d)
print("%(e)s %(e)s" % d)
