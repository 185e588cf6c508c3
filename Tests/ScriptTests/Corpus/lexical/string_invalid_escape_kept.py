# Unknown escapes keep the backslash (DeprecationWarning in 3.11, not an error)
s = "a\qb"
print(s, len(s))
print(repr(s))
print("\%" == "\\%")
