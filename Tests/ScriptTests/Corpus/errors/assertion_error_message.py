temperature = 350
print("checking temperature", temperature)
assert temperature < 300, f"temperature too high: {temperature}"
