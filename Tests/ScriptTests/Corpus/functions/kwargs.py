def show(**kwargs):
    print(type(kwargs), kwargs)
    for k, v in kwargs.items():
        print(k, "=", v)
show()
show(b=2, a=1)
def mix(a, b=2, **extra):
    return a, b, extra
print(mix(1))
print(mix(1, c=3))
print(mix(a=5, b=6, z=0))
