out = []
for i in range(4):
    try:
        if i % 2:
            raise ValueError(i)
        out.append(("ok", i))
    except ValueError as e:
        out.append(("err", e.args[0]))
        continue
    finally:
        out.append(("fin", i))
    out.append(("tail", i))
print(out)
