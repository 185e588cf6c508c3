def level(n):
    try:
        try:
            if n == 1:
                raise ValueError("one")
            if n == 2:
                raise KeyError("two")
            return "none"
        except ValueError as e:
            return "inner caught " + str(e)
        finally:
            print("inner finally", n)
    except KeyError as e:
        return "outer caught " + repr(e)
    finally:
        print("outer finally", n)
for n in range(3):
    print(level(n))
