work = [1]
for x in work:
    if x < 20:
        work.append(x * 3)
print(work)
