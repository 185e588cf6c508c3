# One call site reaching many different functions (more than any inline cache holds),
# with the functions created fresh on every turn and freed afterwards.
def make(k):
    def add(x):
        return x + k
    return add


total = 0
for i in range(40):
    g = make(i)
    total += g(i)
print(total)


def apply_all(fs, x):
    out = []
    for h in fs:
        out.append(h(x))
    return out


print(apply_all([make(1), make(2), lambda v: v * 10, abs, make(-5)], -3))
