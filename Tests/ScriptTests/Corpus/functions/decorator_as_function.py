def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("result", result)
        return result
    return wrapper
def add(a, b=0):
    return a + b
add = logged(add)
add(2, b=3)
add(1)
