for s in ["", " ", "1.5", "1e3", "abc", "1__0", "_1", "0x10", "12a", "- 5"]:
    try:
        print(repr(s), int(s))
    except ValueError:
        print(repr(s), "ValueError")
