# Exceptions raised while a call's arguments are evaluated, and while its body runs; the
# function's frames are reused afterwards with fresh (unbound) locals.
def pair(a, b):
    return (a, b)


def boom():
    raise ValueError("boom")


for attempt in range(3):
    try:
        pair(attempt, boom())
    except ValueError as e:
        print("caught", attempt, e)
print(pair(1, 2))


def uses_later(flag):
    if flag:
        x = 1
    return x


print(uses_later(True))
try:
    uses_later(False)
except UnboundLocalError as e:
    print(type(e).__name__)
print(uses_later(True))


def nested(n):
    return pair(n, nested(n - 1) if n > 0 else None)


print(nested(3))
