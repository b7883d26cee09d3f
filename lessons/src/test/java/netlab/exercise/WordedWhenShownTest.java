package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.course.IpExercises;
import netlab.text.Lang;
import netlab.text.Message;
import netlab.text.Text;
import org.junit.jupiter.api.Test;

/**
 * An exercise's title, hints and failure sentences are worded each time feedback is made, in the language
 * then: a {@code %lang} switch after the first check changes the next one, though the course class (and its
 * exercises) loaded once, in the first language.
 */
class WordedWhenShownTest {

    private static final IpExercises.ClassOf WRONG = ip -> "Z";

    @Test
    void theSameCheckAfterALanguageSwitchIsWordedInTheNewLanguage() {
        try {
            Lang.use(Lang.EN);
            CheckReport en = Check.evaluate("ip.class-of", WRONG); // loads IpExercises in English, if not loaded yet
            CaseOutcome first = en.outcomes().getFirst();
            assertEquals("Class of an IPv4 address", en.title());
            assertTrue(first.showsHint(), en.toString());
            assertEquals(Text.in(Lang.EN, "course.ip.class-of.hint"), first.hint());
            assertEquals("wrong class for 10.1.2.3", first.message());

            Lang.use(Lang.ZH);
            CheckReport zh = Check.evaluate("ip.class-of", WRONG);
            CaseOutcome again = zh.outcomes().getFirst();
            assertEquals("IPv4 地址的类别", zh.title());
            assertEquals(Text.in(Lang.ZH, "course.ip.class-of.hint"), again.hint());
            assertTrue(again.hint().startsWith("只看第一个字节"), again.hint());
            assertEquals("10.1.2.3 的类别不对", again.message());
        } finally {
            Lang.use(Lang.EN); // the language the other tests of this JVM expect
        }
    }

    @Test
    void theGraderWordsTheTitleInTheStudentsLanguageNotItsOwn() {
        Lang.use(Lang.EN);
        assertEquals("IPv4 地址的类别", Check.notRun("ip.class-of", "zh").title());
        assertEquals(Text.in(Lang.ZH, "course.ip.class-of.hint"),
                Check.notRun("ip.class-of", "zh").outcomes().getFirst().hint());
    }

    /**
     * A case may expect a catalogue message (what a network answer did): it matches the seen one as data, whatever the
     * language, and the grader shows it in the student's language, inside a list too.
     */
    @Test
    void anExpectedMessageIsComparedAsDataAndShownInTheStudentsLanguage() {
        Lang.use(Lang.EN);
        Case<IpExercises.ClassOf> c = Case.<IpExercises.ClassOf>named("x")
                .expect(List.of("recv: a", Message.of("course.tcp.outcome.closed")),
                        a -> List.of("recv: a", Message.of(a.classOf("z")))); // the answer names the key
        Observation seen = new CaseRunner(java.time.Duration.ofSeconds(1))
                .observe("x", true, c.probe(), ip -> "course.tcp.outcome.closed");
        CaseOutcome zh = CaseRunner.judge(c, true, seen, Lang.ZH);
        assertEquals(CaseOutcome.Status.PASSED, zh.status(), zh.toString());
        assertEquals("[recv: a, 客户端关闭了连接]", zh.expected());
        assertEquals("[recv: a, client closed]", seen.shown()); // the answer's JVM words it in its own language
    }

    @Test
    void aTitleOrHintWrittenInOneLanguageIsShownAsWritten() {
        Case<IpExercises.ClassOf> c = Case.<IpExercises.ClassOf>named("x").hint("look at {0} the first octet")
                .expect("A", a -> a.classOf("10.0.0.1"));
        Exercise<IpExercises.ClassOf> e = Exercise.of("test.verbatim", "Runaway", IpExercises.ClassOf.class).add(c).build();
        assertEquals("Runaway", e.title(Lang.ZH));
        assertEquals("look at {0} the first octet", c.hint(Lang.ZH));
        assertEquals("", c.failure(Lang.EN));
    }
}
