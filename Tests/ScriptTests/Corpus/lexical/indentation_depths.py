def f(x):
  if x > 0:
        if x > 10:
         return "big"
        return "small"
  else:
   return "neg"
print(f(20), f(5), f(-1))
for i in range(2):
            print("deep", i)
print("end")
