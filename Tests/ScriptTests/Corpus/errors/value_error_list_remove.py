motors = ["m1", "m2"]
motors.remove("m1")
print(motors)
motors.remove("m3")
