def outer(n):
    def helper(k):
        return k * 2
    def other(k):
        return helper(k) + 1
    return [other(i) for i in range(n)]
print(outer(4))
def conditional_def(flag):
    if flag:
        def f():
            return "A"
    else:
        def f():
            return "B"
    return f()
print(conditional_def(True), conditional_def(False))
