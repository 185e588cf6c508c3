attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise RuntimeError("attempt " + str(attempts) + " failed")
    return "ok after " + str(attempts)
while True:
    try:
        print(flaky())
        break
    except RuntimeError as e:
        print("retrying:", e)
