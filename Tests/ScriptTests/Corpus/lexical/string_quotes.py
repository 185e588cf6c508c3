a = 'single'
b = "double"
c = 'it\'s'
d = "say \"hi\""
e = "it's"
f = 'say "hi"'
for s in (a, b, c, d, e, f):
    print(s, len(s))
print('' == "", len(''))
