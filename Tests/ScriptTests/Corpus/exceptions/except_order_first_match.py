def f(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError branch"
    except KeyError:
        return "KeyError branch (unreachable)"
    except Exception:
        return "Exception branch"
print(f(KeyError("x")))
print(f(IndexError("x")))
print(f(ValueError("x")))
