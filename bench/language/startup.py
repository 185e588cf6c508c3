# Interpreter start-up: parse and run a trivial program. Also the baseline that
# bench/run subtracts from generator_yield before computing the cost per yield.
print("ok")
