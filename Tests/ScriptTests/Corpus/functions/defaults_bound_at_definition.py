n = 10
def f(x=n):
    return x
n = 20
print(f(), n)
fs = []
for i in range(3):
    def g(i=i):
        return i * i
    fs.append(g)
print([h() for h in fs])
