def fit(model):
    if model == "linear":
        return "ok"
    raise NotImplementedError(f"model {model!r} is not implemented")
print(fit("linear"))
print(fit("gaussian"))
