#!/usr/bin/env python3
"""Minimised oracle findings that the real DaemonSet controller and dsplay must now agree on
(docs/fidelity.md), each compared again by compare.py. Skipped when the oracle or dsplay is not
built (DSORACLE_BIN, DSPLAY as for compare.py).
Run: DSPLAY=target/release/dsplay python3 -m unittest tools/oracle/test_findings.py"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
try:
    import compare  # noqa: E402  (it needs PyYAML, as the oracle does)
    BUILT = os.path.exists(compare.ORACLE) and os.path.exists(compare.DSPLAY)
except ImportError:
    BUILT = False


def result(name):
    """compare.py's report for findings/NAME.yaml, run in a directory of its own (compare.py
    writes the dsplay script beside the scenario)."""
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, name + ".yaml")
        shutil.copy(os.path.join(HERE, "findings", name + ".yaml"), path)
        p = subprocess.run([sys.executable, os.path.join(HERE, "compare.py"), path],
                           capture_output=True, text=True)
        return p.stdout + p.stderr


@unittest.skipUnless(BUILT, "the oracle or dsplay is not built (or PyYAML is missing)")
class FindingsTest(unittest.TestCase):
    def test_gen_4000062_min_ready_seconds_counts(self):
        self.assertIn("RESULT: SAME", result("gen-4000062-min"))

    def test_gen_447000166_spec8_2_the_driver_clock_as_dsplay(self):
        # Spec §8.2 at the edge of minReadySeconds: the old pod on node-5 is available at the
        # re-apply (Ready 5 s of 5) on both sides only if the driver's clock starts at zero and a
        # background delete of ds-2 takes its pods' stop second, as dsplay's does; otherwise the
        # oracle saw it Ready 4 s, not available, and replaced it at once.
        out = result("gen-447000166-min")
        self.assertIn("RESULT: SAME", out)
        self.assertIn("ds-1-node-5@16s", out)


if __name__ == "__main__":
    unittest.main()
