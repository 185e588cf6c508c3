try:
    try:
        x = 1
    except ValueError:
        print("not this one")
    else:
        raise ValueError("from else")
    finally:
        print("finally still runs")
except ValueError as e:
    print("outer got", e)
