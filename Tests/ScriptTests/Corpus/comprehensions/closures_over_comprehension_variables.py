fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
hs = [(lambda k: lambda: k)(i) for i in range(3)]
print([h() for h in hs])
