def level1():
    v = "one"
    def level2():
        def level3():
            nonlocal v
            v = "three"
        level3()
        return v
    r = level2()
    return r, v
print(level1())
