for expr in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0.0,
             lambda: 5.5 // 0, lambda: 0.0 ** -1, lambda: divmod(1, 0), lambda: 0 ** -1]:
    try:
        expr()
    except ZeroDivisionError:
        print("ZeroDivisionError")
print(0 ** 0, 0.0 ** 0)
