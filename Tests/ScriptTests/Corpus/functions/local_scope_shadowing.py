x = "global"
def f():
    x = "local"
    return x
print(f(), x)
def g(x):
    x = x + "!"
    return x
print(g("arg"), x)
def h():
    return len
len_ref = h()
print(len_ref([1, 2]))
def shadow_builtin():
    max = 5
    return max
print(shadow_builtin(), max(1, 2))
