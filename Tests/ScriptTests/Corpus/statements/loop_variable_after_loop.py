for i in range(5):
    pass
print(i)
for ch in "abc":
    x = ch * 2
print(ch, x)
j = "unchanged"
for j in []:
    pass
print(j)
for k, v in {"a": 1, "b": 2}.items():
    pass
print(k, v)
