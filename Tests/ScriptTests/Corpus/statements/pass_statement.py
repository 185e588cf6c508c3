def nothing():
    pass
print(nothing())
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    pass
try:
    pass
except ValueError:
    pass
print("done")
