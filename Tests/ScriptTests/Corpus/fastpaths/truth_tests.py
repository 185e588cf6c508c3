# Conditions of if/while/assert/comprehensions and conditional expressions with and/or/not
# over values of every kind.
values = [0, 1, -1, 0.0, 2.5, "", "x", [], [0], (), (0,), {}, {"k": 1}, None, True, False, range(0), range(2)]
for v in values:
    r = []
    if v:
        r.append("if")
    if not v:
        r.append("not")
    if v and 1:
        r.append("and")
    if v or 0:
        r.append("or")
    if not (v and v):
        r.append("not-and")
    r.append("yes" if v else "no")
    r.append(v and "A" or "B")
    print(repr(v), r)

print([x for x in values if x])
print([x for x in values if not x and x is not None])
n = 3
while n and n > 0:
    n -= 1
print(n)
try:
    assert [] or 0, "empty"
except AssertionError as e:
    print("AssertionError", e)


def countdown(k):
    steps = 0
    while k > 0:
        k -= 1
        steps += 1
    return steps


print(countdown(5), countdown(0), countdown(-2))
