fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
def make():
    x = 1
    def get():
        return x
    x = 2
    return get
print(make()())
