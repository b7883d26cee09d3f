package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class FeedbackTableTest {

    private static final CheckReport REPORT = new CheckReport("tftp.download", "download", false, List.of(
            new CaseOutcome("3000 bytes", false, CaseOutcome.Status.FAILED, 1, 0, "3000", "44", "different bytes", "")),
            0);

    /** Chinese puts no space before a full-width parenthesis; English puts one before its own. */
    @Test
    void expectedAndGotFollowTheMessageAsEachLanguageWritesIt() {
        String zh = FeedbackTable.text(REPORT, Lang.ZH);
        assertTrue(zh.contains("different bytes（期望 3000，实际 44）"), zh);
        String en = FeedbackTable.text(REPORT, Lang.EN);
        assertTrue(en.contains("different bytes (expected 3000, got 44)"), en);
    }
}
