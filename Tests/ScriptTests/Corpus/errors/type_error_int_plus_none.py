def maybe_offset(flag):
    if flag:
        return 5
offset = maybe_offset(False)
print("offset:", offset)
print(10 + offset)
