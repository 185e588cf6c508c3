log = []
def f(x):
    try:
        if x < 0:
            return "neg"
        if x == 0:
            raise ZeroDivisionError("zero")
        return "pos"
    except ZeroDivisionError:
        return "handled"
    finally:
        log.append(x)
print(f(-1), f(0), f(1))
print(log)
