#!/usr/bin/env python3
"""Tests of the audit ledger (scripts/audit.py); `make test` runs them, then `audit.py --check`."""

import os
import sys
import tempfile
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import audit  # noqa: E402


class AuditTests(unittest.TestCase):
    def ledger(self, text):
        folder = tempfile.mkdtemp(prefix="neuralnotebook-audit-")
        with open(os.path.join(folder, "004.ledger"), "w", encoding="utf-8") as f:
            f.write(text)
        return mock.patch.object(audit, "LEDGERS", folder)

    def test_a_line_in_no_range_is_found(self):
        with self.ledger("# article 004_ad77a2a9036ce254.txt, 406 lines, complete\n1-150 none x\n155-406 none y\n"):
            report = audit.audit()
        self.assertEqual(report["004_ad77a2a9036ce254.txt"]["missing"], [153])  # 151–152 and 154 are checks

    def test_a_check_that_no_program_makes_is_refused(self):
        with self.ledger("# article 004_ad77a2a9036ce254.txt, 406 lines, complete\n1-406 check 004-invented\n"):
            with self.assertRaisesRegex(audit.LedgerError, "no source check 004-invented"):
                audit.audit()

    def test_a_fact_needs_a_verdict_and_a_range_must_fit(self):
        with self.ledger("# article 004_ad77a2a9036ce254.txt, 406 lines, complete\n1-406 fact 004-x maybe note\n"):
            with self.assertRaisesRegex(audit.LedgerError, "VERDICT one of"):
                audit.audit()
        with self.ledger("# article 004_ad77a2a9036ce254.txt, 406 lines, complete\n1-500 none too far\n"):
            with self.assertRaisesRegex(audit.LedgerError, "past line 406"):
                audit.audit()

    def test_claims_name_their_lines(self):
        self.assertEqual(audit.claimed_ranges("L245–251 and L312–317: ∂L/∂w"), [(245, 251), (312, 317)])
        self.assertEqual(audit.claimed_ranges("L57: δ = ∂L/∂y × ∂y/∂z, L99 later"), [(57, 57)])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"audit: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
