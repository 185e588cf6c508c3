def attempt(fn):
    try:
        fn()
        print("no error")
    except ArithmeticError as e:
        print("ArithmeticError:", isinstance(e, ZeroDivisionError), isinstance(e, OverflowError))
attempt(lambda: 1 // 0)
attempt(lambda: 1 % 0)
attempt(lambda: 1.0 / 0)
def over():
    raise OverflowError("too big")
attempt(over)
attempt(lambda: 1 + 1)
