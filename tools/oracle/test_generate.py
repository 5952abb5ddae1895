#!/usr/bin/env python3
"""The scenario generator is reproducible and reaches every feature it promises (issue 19).
Run: python3 -m unittest tools/oracle/test_generate.py"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402


class GeneratorTest(unittest.TestCase):
    def test_same_seed_same_scenario(self):
        self.assertEqual(json.dumps(generate.scenario(42)), json.dumps(generate.scenario(42)))
        self.assertNotEqual(json.dumps(generate.scenario(42)), json.dumps(generate.scenario(43)))

    def test_every_feature_appears_in_a_batch(self):
        text = "\n".join(json.dumps(generate.scenario(s)) for s in range(300))
        for feature in ['"NoSchedule"', '"PreferNoSchedule"', '"NoExecute"', '"unschedulable"',
                        '"nodeSelector"', '"matchFields"', '"In"', '"NotIn"', '"Exists"',
                        '"DoesNotExist"', '"Equal"', '"tolerationSeconds"', '"hostNetwork"',
                        '"requests"', '"OnDelete"', '"maxSurge"', '"maxUnavailable"', '%"',
                        '"minReadySeconds"', '"deleteNodes"', '"applyNodes"', '"setImage"',
                        '"applyDaemonSets"', '"deleteDaemonSets"', '"orphan"', '"background"',
                        '"readyDelay"', '"podGCSeconds"', '"taintEviction"',
                        '"stopSeconds"', '"instantResync"']:
            self.assertIn(feature, text, feature)

    def test_only_what_the_api_server_accepts(self):
        for s in range(300):
            sc = generate.scenario(s)
            dss = sc["daemonSets"] + [d for st in sc["steps"] for d in st.get("applyDaemonSets", [])]
            for d in dss:
                ru = d["spec"]["updateStrategy"].get("rollingUpdate", {})
                if ru.get("maxSurge") not in (None, 0):
                    self.assertEqual(ru.get("maxUnavailable"), 0, d)  # validation V18
                aff = d["spec"]["template"]["spec"].get("affinity")
                for term in (aff or {}).get("nodeAffinity", {}).get(
                        "requiredDuringSchedulingIgnoredDuringExecution", {}).get("nodeSelectorTerms", []):
                    for f in term.get("matchFields", []):
                        self.assertEqual(len(f["values"]), 1, f)


if __name__ == "__main__":
    unittest.main()
