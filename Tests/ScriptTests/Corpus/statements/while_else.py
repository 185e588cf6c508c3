n = 0
while n < 3:
    n += 1
else:
    print("loop finished normally", n)
n = 0
while n < 10:
    if n == 4:
        print("breaking at", n)
        break
    n += 1
else:
    print("not printed")
while False:
    pass
else:
    print("else on never-run loop")
