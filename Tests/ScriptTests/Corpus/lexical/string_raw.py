p = r"C:\new\table"
print(p, len(p))
print(r'\n', len(r'\n'))
print(r"a\\b", len(r"a\\b"))
print(r'\'', len(r'\''))
print(R"\d+\s*", repr(r"\d"))
print(r"" == "", r"x" + "\ty")
