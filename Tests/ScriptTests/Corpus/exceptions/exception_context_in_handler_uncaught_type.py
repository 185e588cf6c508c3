try:
    {}["a"]
except KeyError:
    print("handling KeyError")
    None.attr
