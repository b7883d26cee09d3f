package netlab.exercise;

import netlab.course.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the grading agent reports (observations, canonical values) and how the grading JVM judges it. */
class ObservationTest {

    @Test
    void canonicalTextIsEqualExactlyWhenTheValuesAre() {
        assertEquals(Values.canonical(List.of("a", "b")), Values.canonical(new java.util.ArrayList<>(List.of("a", "b"))));
        assertEquals(Values.canonical(Set.of(1, 2)), Values.canonical(new LinkedHashSet<>(List.of(2, 1))));
        assertEquals(Values.canonical(new byte[] {1, 2}), Values.canonical(new byte[] {1, 2}));
        assertNotEquals(Values.canonical(254), Values.canonical(254L), "an Integer is not the Long a case expects");
        assertNotEquals(Values.canonical("[a]"), Values.canonical(List.of("a")));
        assertNotEquals(Values.canonical("x\ty"), Values.canonical("x y"));
        assertTrue(Values.canonical("a\nb\tc").lines().count() == 1 && !Values.canonical("a\tb").contains("\t"));
        Object lookalike = new Object() {
            @Override public String toString() { return "A"; }
        };
        assertNotEquals(Values.canonical("A"), Values.canonical(lookalike), "printing like the answer is not being it");
    }

    @Test
    void observationsSurviveTheirTextWhateverTheAnswerPrints() {
        List<Observation> seen = List.of(
                new Observation(false, "case\t1", Observation.Kind.RETURNED, "s\"x\"", "\"x\"", null),
                new Observation(true, "h\nidden", Observation.Kind.ERROR, "", "Boom: a\\b",
                        netlab.text.Message.of("check.threw", "Boom\tfake\nline")));
        String text = Observation.encode("ip.class-of", seen);
        assertEquals(3, text.lines().count());
        assertEquals("ip.class-of", Observation.exerciseOf(text));
        assertEquals(seen, Observation.decode(text));
        // a sentence's argument that is a sentence itself stays one, for the judge to word
        List<Observation> explained = List.of(new Observation(false, "c", Observation.Kind.ERROR, "", "Boom",
                netlab.text.Message.of("check.threw.explained", "Boom\u001e\u001d",
                        netlab.text.Message.of("exception.explain.timeout"))));
        assertEquals(netlab.text.Message.of("check.threw.explained", "Boom  ",
                        netlab.text.Message.of("exception.explain.timeout")),
                Observation.decode(Observation.encode("ip.class-of", explained)).getFirst().message());
        assertThrows(IllegalArgumentException.class, () -> Observation.exerciseOf("NETLAB-CHECK {}"));
        assertThrows(IllegalArgumentException.class, () -> Observation.decode(Observation.HEADER + "x\np\tonly two"));
    }

    @Test
    void theJudgePassesOnlyCasesObservedReturningTheirExpectedValue() {
        String right = Check.collect("ip.class-of", (IpExercises.ClassOf) ReferenceAnswers::classOf, Duration.ofSeconds(2), "");
        CheckReport all = Check.judge("ip.class-of", right, "en");
        assertTrue(all.allPassed(), all.toString());
        // a report that leaves a case out does not pass it (nor, matched by place and name, those after it)
        String missingFirst = right.lines().filter(l -> !l.contains("10.1.2.3")).reduce("", (a, b) -> a + b + "\n");
        CheckReport judged = Check.judge("ip.class-of", missingFirst, "en");
        assertEquals(CaseOutcome.Status.NOT_RUN, judged.outcomes().getFirst().status());
        assertTrue(judged.pointsEarned() < all.pointsEarned());
        // a value the answer did not return cannot be claimed with another type that prints the same
        String retyped = right.replace("s\"A\"", "?java.lang.Object\"A\"");
        assertTrue(Check.judge("ip.class-of", retyped, "en").pointsEarned() < all.pointsEarned());
        assertThrows(IllegalArgumentException.class, () -> Check.judge("ip.same-subnet", right, "en"));
    }

    @Test
    void afterHiddenInputsWereInTheAgentAFailedPublicCaseShowsNothingTheAnswerMade() {
        IpExercises.ClassOf leaking = ip -> ip.startsWith("10.") ? "SECRET-192.0.2.7" : ReferenceAnswers.classOf(ip);
        IpExercises.SameSubnet throwing = (x, y, prefix) -> {
            throw new IllegalStateException("SECRET-192.0.2.7");
        };
        String seenClass = Check.collect("ip.class-of", leaking, Duration.ofSeconds(2), "");
        String seenSubnet = Check.collect("ip.same-subnet", throwing, Duration.ofSeconds(2), "");
        assertTrue(Check.judge("ip.same-subnet", seenSubnet, "", "en", false).jsonLine().contains("SECRET-192.0.2.7"),
                "the first check's public cases say what the answer threw");
        for (String[] seen : List.of(new String[] {"ip.class-of", seenClass}, new String[] {"ip.same-subnet", seenSubnet})) {
            CheckReport shown = Check.judge(seen[0], seen[1], "", "en", false);
            CheckReport withheld = Check.judge(seen[0], seen[1], "", "en", true);
            assertTrue(!withheld.jsonLine().contains("SECRET"), withheld.jsonLine());
            assertEquals(shown.pointsEarned(), withheld.pointsEarned(), "the verdicts are the same");
        }
        assertTrue(Check.judge("ip.same-subnet", seenSubnet, "", "en", true).jsonLine()
                .contains("threw an exception (once hidden checks have run"));
        // nor any value or sentence the agent chose: a forged report is worded from each case's kind alone
        List<Observation> real = Observation.decode(seenSubnet);
        String forged = Observation.encode("ip.same-subnet", List.of(
                new Observation(false, real.get(0).name(), Observation.Kind.RETURNED, "s\"SECRET\"", "SECRET-192.0.2.7", null),
                new Observation(false, real.get(1).name(), Observation.Kind.TIMED_OUT, "", "",
                        netlab.text.Message.of("check.verbatim", "SECRET-192.0.2.7"))));
        assertTrue(Check.judge("ip.same-subnet", forged, "", "zh", false).jsonLine().contains("SECRET-192.0.2.7"));
        String line = Check.judge("ip.same-subnet", forged, "", "zh", true).jsonLine();
        assertTrue(!line.contains("SECRET") && line.contains("期望 true，但答案给出的是别的值")
                && line.contains("没能在每项检查允许的时间内完成"), line);
    }

    /**
     * What a thrown exception means is said in the student's language, not the agent's nor the grading JVM's; once
     * hidden inputs were in the agent, a public case says only that the answer threw.
     */
    @Test
    void anExceptionsExplanationIsWordedInTheStudentsLanguageWhateverTheAgentsAndTheJudgesAre() {
        IpExercises.ClassOf waiting = ip -> {
            throw new java.net.SocketTimeoutException("Read timed out");
        };
        String seen = netlab.text.Lang.readBy(() -> netlab.text.Lang.EN,
                () -> Check.collect("ip.class-of", waiting, Duration.ofSeconds(2), ""));
        CaseOutcome zh = netlab.text.Lang.readBy(() -> netlab.text.Lang.EN,
                () -> Check.judge("ip.class-of", seen, "zh")).outcomes().getFirst();
        assertEquals(CaseOutcome.Status.ERROR, zh.status());
        assertEquals(netlab.text.Text.in(netlab.text.Lang.ZH, "exception.explain.timeout")
                + "（抛出了 SocketTimeoutException: Read timed out）", zh.message());
        String seenInChinese = netlab.text.Lang.readBy(() -> netlab.text.Lang.ZH,
                () -> Check.collect("ip.class-of", waiting, Duration.ofSeconds(2), ""));
        CaseOutcome en = netlab.text.Lang.readBy(() -> netlab.text.Lang.ZH,
                () -> Check.judge("ip.class-of", seenInChinese, "en")).outcomes().getFirst();
        assertEquals(netlab.text.Text.in(netlab.text.Lang.EN, "exception.explain.timeout")
                + " (threw SocketTimeoutException: Read timed out)", en.message());
        CaseOutcome withheld = Check.judge("ip.class-of", seen, "", "zh", true).outcomes().getFirst();
        assertEquals(netlab.text.Text.in(netlab.text.Lang.ZH, "check.threw.withheld"), withheld.message());
    }

    @Test
    void theAgentAndTheJudgeKnowACaseWhateverLanguageEachWordsIn() {
        PacketExercises.ArpSpoofed answer = replies -> replies.stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.split(" ")[0], java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(r -> r.split(" ")[2], java.util.stream.Collectors.toSet())))
                .entrySet().stream().filter(e -> e.getValue().size() > 1).map(java.util.Map.Entry::getKey).toList();
        // a Chinese student's agent observes; a grading JVM whose own language is English judges
        String seen = netlab.text.Lang.readBy(() -> netlab.text.Lang.ZH,
                () -> Check.collect("arp.spoofed", answer, Duration.ofSeconds(2), ""));
        CheckReport zh = netlab.text.Lang.readBy(() -> netlab.text.Lang.EN,
                () -> Check.judge("arp.spoofed", seen, "zh"));
        assertTrue(zh.allPassed(), zh.toString());
        assertEquals("claimedTwice(3 条 ARP 应答)", zh.outcomes().getFirst().name());
        CheckReport en = netlab.text.Lang.readBy(() -> netlab.text.Lang.ZH,
                () -> Check.judge("arp.spoofed", seen, "en"));
        assertTrue(en.allPassed(), en.toString());
        assertEquals("claimedTwice(3 replies)", en.outcomes().getFirst().name());
    }
}
