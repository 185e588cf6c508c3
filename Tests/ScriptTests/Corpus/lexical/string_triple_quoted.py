s = """line one
line "two" with 'quotes'
  line three"""
print(s)
print(len(s.splitlines()))
t = '''a
b'''
print(repr(t))
u = """\
no leading newline \
joined"""
print(repr(u))
v = """ends with quote\""""
print(v)
