def risky(kind):
    if kind == 1:
        raise KeyError("k")
    if kind == 2:
        raise IndexError("i")
    if kind == 3:
        raise TypeError("t")
    return "fine"
for k in range(4):
    try:
        print(risky(k))
    except (KeyError, IndexError) as e:
        print("lookup problem", repr(e))
    except TypeError:
        print("type problem")
