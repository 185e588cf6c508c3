# g.send(x) and the other generator methods called directly, as a run engine drives a
# plan: first send must be None, StopIteration carries the return value, a finished
# generator raises StopIteration again, throw/close/__next__ behave as in CPython.
def plan(n):
    acc = 0
    for i in range(n):
        reply = yield ("read", i)
        acc += reply
    return acc


g = plan(3)
try:
    g.send(5)
except TypeError as e:
    print("TypeError", e)
print(g.send(None))
print(g.send(10), g.send(20))
try:
    g.send(30)
except StopIteration as e:
    print("returned", e.value)
try:
    g.send(1)
except StopIteration as e:
    print("again", e.value)

h = plan(5)
print(h.__next__())
try:
    next(h)
except TypeError as e:
    print("TypeError", e)
h = plan(5)
print(next(h), h.send(1))
try:
    h.throw(ValueError("bad reading"))
except ValueError as e:
    print("ValueError", e)
try:
    h.send(2)
except StopIteration as e:
    print("finished after throw", e.value)


def guarded():
    try:
        yield 1
        yield 2
    except KeyError:
        yield "recovered"
    finally:
        print("cleanup")


k = guarded()
print(k.send(None), k.throw(KeyError("x")))
k.close()
k.close()
print(list(guarded()))
try:
    plan(2).send()
except TypeError as e:
    print("TypeError", e)
try:
    plan(2).send(1, 2)
except TypeError as e:
    print("TypeError", e)
