# Parameters
path = "C:\\data\\run 1"
quote = "say \"hi\""
apostrophe = "it's"
multiline = "line1\nline2\tx"
empty = ""
backslash_n = "\\n"

print(repr(path))
print(repr(quote))
print(repr(apostrophe))
print(repr(multiline))
print(repr(empty))
print(repr(backslash_n))
