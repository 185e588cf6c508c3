# A global function rebound while it runs, and the call site reached again with the new
# function: the running call must finish with its own code and values.
def first(n):
    global f
    if n == 0:
        return "first-done"
    if n == 3:
        f = second
    return "first:" + str(n) + "/" + f(n - 1)


def second(n):
    return "second:" + str(n)


f = first
print(f(5))
print(f(2))
f = first
print(f(4))


# The same with functions that nothing but the global refers to: the running function
# loses its last name while the call site that reached it is reused for another one.
def make(tag):
    def g(n):
        global h
        if n == 2:
            h = make(tag + "'")
        local = [tag, n]
        r = h(n - 1) if n > 0 else "end"
        return str(local) + "<" + r
    return g


for start in [0, 4, 3]:
    h = make("g")
    print(h(start))
