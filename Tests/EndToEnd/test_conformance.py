"""Protocol conformance of the Beamtime kernel, checked by jupyter_kernel_test.

Every attribute of jupyter_kernel_test.KernelTests is set, so no test is skipped.
Needs JUPYTER_PATH to point at a directory holding kernels/beamtime (Tests/EndToEnd/run
does this).
"""

import unittest

import jupyter_kernel_test


class BeamtimeConformanceTests(jupyter_kernel_test.KernelTests):
    kernel_name = "beamtime"

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        # Completion looks at the live namespace (as IPython's completer does), so the
        # completion samples below need these names to exist.
        reply = cls.kc.execute_interactive(
            "import math\nscan = {'alpha': 1, 'beta': 2}\ndef centre_of_peak(xs):\n    return xs\n",
            timeout=15, output_hook=lambda msg: None)
        assert reply["content"]["status"] == "ok", reply["content"]

    language_name = "python"
    file_extension = ".py"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys; print("oops", file=sys.stderr)'

    completion_samples = [
        {"text": "pri", "matches": {"print"}},
        {"text": "le", "matches": {"len"}},
        {"text": "ZeroDiv", "matches": {"ZeroDivisionError"}},
        {"text": "whi", "matches": {"while"}},
        {"text": "rai", "matches": {"raise"}},
        {"text": "ran", "matches": {"range"}},
        {"text": "print(le", "matches": {"len"}},
        {"text": "math.sq", "matches": {"sqrt"}},
        {"text": "centre_of", "matches": {"centre_of_peak"}},
        {"text": "scan.ke", "matches": {"keys"}},
        {"text": 'scan["al', "matches": {'alpha"'}},
        {"text": "scan['", "matches": {"alpha'", "beta'"}},
    ]

    complete_code_samples = [
        "1",
        'print("hello, world")',
        "x = [1, 2, 3]",
        "def f(x):\n    return x\n\n",
        "for i in range(3):\n    print(i)\n\n",
    ]
    incomplete_code_samples = [
        "print(",
        "def f(x):",
        "if True:",
        "x = [1,\n 2",
        '"""an unfinished docstring',
        "for i in range(3):\n    print(i)",
    ]
    invalid_code_samples = [
        "1 2 3",
        ")",
        'print("a"))',
        "x = = 1",
    ]

    code_page_something = "help(len)"

    code_generate_error = "raise ValueError('boom')"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "'ab' * 2", "result": "'abab'"},
        {"code": "[1, 2] + [3]", "result": "[1, 2, 3]"},
        {"code": "{'a': 1}", "result": "{'a': 1}"},
        {"code": "import math\nmath.floor(2.5)", "result": "2"},
        {"code": "1 / 4", "result": "0.25"},
    ]
    # Must match exactly one of the codes ever run in this kernel (the "unique" subtest).
    code_history_pattern = "6 * 7"
    supported_history_operations = ("tail", "range", "search")

    code_display_data = [
        {"code": "display(1)", "mime": "text/plain"},
        {"code": "display('text')", "mime": "text/plain"},
        {"code": "display([1, 2], {'k': 'v'})", "mime": "text/plain"},
        {"code": "h = display(3, display_id=True)", "mime": "text/plain"},
    ]

    code_inspect_sample = "len"

    code_clear_output = "clear_output()"


if __name__ == "__main__":
    unittest.main()
